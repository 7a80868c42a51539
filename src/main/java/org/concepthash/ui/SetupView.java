package org.concepthash.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.util.Optional;
import org.concepthash.accounts.Account;
import org.concepthash.accounts.AccountException;
import org.concepthash.accounts.FirstAdmin;
import org.concepthash.accounts.Role;
import org.concepthash.accounts.SignedInUser;

/**
 * First start without CONCEPTHASH_ADMIN_PASSWORD: redeem the setup token from the log for the first
 * admin.
 */
@Route("setup")
@PageTitle("First admin | ConceptHash")
@PublicView
@Prototype
public class SetupView extends VerticalLayout {

  private final FirstAdmin firstAdmin;
  private final TextField token = new TextField("Setup token (printed to the log at start)");
  private final TextField username = new TextField("Admin user name");
  private final PasswordField password = new PasswordField("Password");
  private final PasswordField repeat = new PasswordField("Repeat password");
  private final Paragraph message = new Paragraph();

  public SetupView(FirstAdmin firstAdmin) {
    this.firstAdmin = firstAdmin;
    setAlignItems(FlexComponent.Alignment.CENTER);
    token.setId("setup-token");
    token.setWidth("28em");
    username.setId("setup-username");
    username.setValue(FirstAdmin.USERNAME);
    password.setId("setup-password");
    repeat.setId("setup-repeat");
    message.setId("setup-message");
    Button create = new Button("Create admin", e -> create());
    create.setId("setup-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(new H1("Create the first admin"), token, username, password, repeat, create, message);
    if (!firstAdmin.setupPending()) {
      message.setText("Setup is done: sign in instead.");
      create.setEnabled(false);
    }
  }

  void create() {
    if (!password.getValue().equals(repeat.getValue())) {
      message.setText("The passwords differ.");
      return;
    }
    try {
      Optional<Account> admin =
          firstAdmin.redeem(token.getValue(), username.getValue(), password.getValue());
      if (admin.isEmpty()) {
        message.setText("That is not the setup token of this start (or setup is done).");
        return;
      }
      LoginView.signInAs(new SignedInUser(admin.get().username(), Role.ADMIN));
      UI.getCurrent().navigate(UsersView.class);
    } catch (AccountException e) {
      message.setText(e.getMessage());
    }
  }
}
