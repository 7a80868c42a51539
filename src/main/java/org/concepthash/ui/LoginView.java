package org.concepthash.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import io.micronaut.context.annotation.Prototype;
import java.util.Optional;
import org.concepthash.accounts.FirstAdmin;
import org.concepthash.accounts.LoginService;
import org.concepthash.accounts.RateLimitedException;
import org.concepthash.accounts.SignedInUser;

/** Sign in with user name and password; repeated failures are slowed down (see LoginThrottle). */
@Route("login")
@PageTitle("Sign in | ConceptHash")
@PublicView
@Prototype
public class LoginView extends VerticalLayout {

  private final LoginService logins;
  private final TextField username = new TextField("User name");
  private final PasswordField password = new PasswordField("Password");
  private final Paragraph error = new Paragraph();

  public LoginView(LoginService logins, FirstAdmin firstAdmin) {
    this.logins = logins;
    setAlignItems(FlexComponent.Alignment.CENTER);
    username.setId("login-username");
    username.setAutofocus(true);
    password.setId("login-password");
    error.setId("login-error");
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    error.setVisible(false);
    Button submit = new Button("Sign in", e -> signIn());
    submit.setId("login-submit");
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    submit.addClickShortcut(Key.ENTER);
    add(new H1("ConceptHash Catalog"), username, password, submit, error);
    if (firstAdmin.setupPending()) {
      add(
          new Paragraph("No users yet: "),
          new Anchor("setup", "create the first admin with the setup token from the log"));
    }
  }

  void signIn() {
    try {
      Optional<SignedInUser> user =
          logins.login(username.getValue(), password.getValue(), remoteAddress());
      if (user.isEmpty()) {
        showError("Wrong user name or password.");
        return;
      }
      signInAs(user.get());
      UI.getCurrent().navigate("");
    } catch (RateLimitedException e) {
      showError("Too many failed attempts. Try again in " + e.retryAfterSeconds() + " s.");
    }
  }

  /**
   * Signs the session in under a new session id, so an id fixed before login is worthless after it.
   */
  static void signInAs(SignedInUser user) {
    if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request) {
      try {
        request.getHttpServletRequest().changeSessionId();
      } catch (IllegalStateException e) {
        // no HTTP session behind this request (tests): nothing to rotate
      }
    }
    CurrentUser.signIn(user);
  }

  private void showError(String message) {
    password.clear();
    error.setText(message);
    error.setVisible(true);
  }

  private static String remoteAddress() {
    VaadinRequest request = VaadinRequest.getCurrent();
    return request == null || request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
  }
}
