package org.concepthash.ui;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.util.Optional;
import org.concepthash.accounts.SignedInUser;

/**
 * The user signed in to this browser session, kept as an attribute of the HTTP session (so the REST
 * API recognises the session's own image requests too). Only the login and setup views sign in.
 */
final class CurrentUser {
  private CurrentUser() {}

  static Optional<SignedInUser> signedIn() {
    WrappedSession session = session();
    return session == null
        ? Optional.empty()
        : Optional.ofNullable((SignedInUser) session.getAttribute(SignedInUser.SESSION_ATTRIBUTE));
  }

  static void signIn(SignedInUser user) {
    session().setAttribute(SignedInUser.SESSION_ATTRIBUTE, user);
  }

  static void forget() {
    WrappedSession session = session();
    if (session != null) {
      session.removeAttribute(SignedInUser.SESSION_ATTRIBUTE);
    }
  }

  private static WrappedSession session() {
    VaadinSession vaadin = VaadinSession.getCurrent();
    return vaadin == null ? null : vaadin.getSession();
  }
}
