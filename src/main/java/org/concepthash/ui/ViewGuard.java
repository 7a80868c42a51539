package org.concepthash.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.concepthash.accounts.Role;

/**
 * Refuses navigation to a view the current user's role does not allow, before the view is created:
 * visitors who are not signed in (and may not browse anonymously) go to the login view, signed-in
 * users below the view's {@link RequiresRole} get the access-denied page (anonymous viewers the
 * login view). Registered on every UI through {@code MicronautInstantiator}.
 */
@Singleton
public class ViewGuard implements VaadinServiceInitListener, BeforeEnterListener {

  private final transient UiAccess access;

  ViewGuard(UiAccess access) {
    this.access = access;
  }

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().addUIInitListener(e -> e.getUI().addBeforeEnterListener(this));
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Class<?> target = event.getNavigationTarget();
    if (HasErrorParameter.class.isAssignableFrom(target)) {
      return;
    }
    Optional<Role> required = UiAccess.requiredRole(target);
    if (required.isEmpty()) {
      return;
    }
    access.refresh();
    if (access.allows(required.get())) {
      return;
    }
    if (!access.signedIn()) {
      event.forwardTo(LoginView.class);
    } else {
      String reason = "This page needs the " + required.get().id() + " role.";
      event.rerouteToError(new AccessDeniedException(reason), reason);
    }
  }
}
