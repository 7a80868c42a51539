package org.concepthash.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.util.Optional;
import java.util.function.Consumer;
import org.concepthash.accounts.Account;
import org.concepthash.accounts.AccountException;
import org.concepthash.accounts.AccountService;
import org.concepthash.accounts.Role;

/** Admins manage users: create, change role, reset password, disable or enable. */
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Users | ConceptHash")
@RequiresRole(Role.ADMIN)
@Prototype
public class UsersView extends VerticalLayout {

  private final AccountService accounts;
  private final UiAccess access;
  private final Grid<Account> grid = new Grid<>(Account.class, false);
  private final TextField newName = new TextField("User name");
  private final PasswordField newPassword = new PasswordField("Password");
  private final Select<Role> newRole = roleSelect("Role");
  private final Select<Role> changeRole = roleSelect("New role");
  private final PasswordField resetPassword = new PasswordField("New password");
  private final Button toggle = new Button("Disable");

  public UsersView(AccountService accounts, UiAccess access) {
    this.accounts = accounts;
    this.access = access;
    grid.setId("users");
    grid.addColumn(Account::username).setHeader("User");
    grid.addColumn(a -> a.role().id()).setHeader("Role");
    grid.addColumn(a -> a.enabled() ? "enabled" : "disabled").setHeader("Status");
    grid.addColumn(Account::createdBy).setHeader("Created by");
    grid.setAllRowsVisible(true);
    grid.addSelectionListener(e -> refreshToggle());
    newName.setId("user-name");
    newPassword.setId("user-password");
    newRole.setId("user-role");
    changeRole.setId("user-new-role");
    resetPassword.setId("user-new-password");
    toggle.setId("user-toggle");
    Button create = new Button("Create user", e -> create());
    create.setId("user-create");
    Button setRole =
        new Button(
            "Set role",
            e ->
                onSelected(
                    a -> accounts.setRole(a.username(), changeRole.getValue(), access.actor())));
    setRole.setId("user-set-role");
    Button reset =
        new Button(
            "Reset password",
            e ->
                onSelected(
                    a -> {
                      accounts.resetPassword(
                          a.username(), resetPassword.getValue(), access.actor());
                      resetPassword.clear();
                    }));
    reset.setId("user-reset-password");
    toggle.addClickListener(
        e -> onSelected(a -> accounts.setEnabled(a.username(), !a.enabled(), access.actor())));
    HorizontalLayout createRow = new HorizontalLayout(newName, newPassword, newRole, create);
    createRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    HorizontalLayout changeRow =
        new HorizontalLayout(changeRole, setRole, resetPassword, reset, toggle);
    changeRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(new H3("New user"), createRow, new H3("Users"), grid, changeRow);
    reload();
  }

  private static Select<Role> roleSelect(String label) {
    Select<Role> s = new Select<>();
    s.setLabel(label);
    s.setItems(Role.values());
    s.setItemLabelGenerator(Role::id);
    s.setValue(Role.VIEWER);
    return s;
  }

  void create() {
    run(
        () -> {
          accounts.create(
              newName.getValue(), newPassword.getValue(), newRole.getValue(), access.actor());
          Notification.show("Created " + newName.getValue())
              .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
          newName.clear();
          newPassword.clear();
        });
  }

  private void onSelected(Consumer<Account> change) {
    Optional<Account> selected = grid.getSelectedItems().stream().findFirst();
    if (selected.isEmpty()) {
      Notification.show("Select a user first");
      return;
    }
    run(() -> change.accept(selected.get()));
  }

  /**
   * Every change: the admin role checked on the server first, refusals shown, the list reloaded.
   */
  private void run(Runnable change) {
    try {
      access.require(Role.ADMIN);
      change.run();
    } catch (AccountException | AccessDeniedException | IllegalArgumentException e) {
      Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
    reload();
  }

  private void reload() {
    grid.setItems(accounts.list());
    refreshToggle();
  }

  private void refreshToggle() {
    Optional<Account> selected = grid.getSelectedItems().stream().findFirst();
    toggle.setText(selected.map(a -> a.enabled() ? "Disable" : "Enable").orElse("Disable"));
  }

  Grid<Account> grid() {
    return grid;
  }
}
