package org.concepthash.testing;

import java.util.function.Supplier;
import org.concepthash.accounts.AccountService;
import org.concepthash.accounts.Role;
import org.concepthash.ui.MicronautKaribu;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The view ITs' fixture: before each test a fresh browserless Vaadin UI (Karibu-Testing) whose
 * views come from the test class's app, signed in as its user when one is given; torn down after
 * each test. Register it on an instance field with {@code @RegisterExtension}; the app is the
 * class's own, started in {@code @BeforeAll} (so a test may configure and seed it first).
 */
public final class KaribuViews implements BeforeEachCallback, AfterEachCallback {

  private final Supplier<TestCatalog> app;
  private final String username;
  private final Role role;

  private KaribuViews(Supplier<TestCatalog> app, String username, Role role) {
    this.app = app;
    this.username = username;
    this.role = role;
  }

  /** Nobody signed in. */
  public static KaribuViews on(Supplier<TestCatalog> app) {
    return new KaribuViews(app, null, null);
  }

  /** Each test starts signed in as {@code username}, a user with this role. */
  public KaribuViews signedInAs(String username, Role role) {
    return new KaribuViews(app, username, role);
  }

  /**
   * Signs the session in as {@code username} with this role, creating the user on first use: the
   * views' guard re-reads users from the database.
   */
  public void signIn(String username, Role role) {
    TestCatalog catalog = app.get();
    if (catalog.bean(AccountService.class).find(username).isEmpty()) {
      catalog.createUser(username, role);
    }
    MicronautKaribu.signIn(username, role);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    MicronautKaribu.setup(app.get().context());
    if (username != null) {
      signIn(username, role);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    MicronautKaribu.tearDown();
  }
}
