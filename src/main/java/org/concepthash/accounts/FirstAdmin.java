package org.concepthash.accounts;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first admin, never a default password: at start, while there are no users, either creates
 * {@code admin} with the password from {@code CONCEPTHASH_ADMIN_PASSWORD} or, when the web server
 * starts, issues a one-time setup token, printed to the log, that the setup page ({@code /setup})
 * redeems for the first admin.
 */
@Singleton
public class FirstAdmin {

  private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);
  public static final String USERNAME = "admin";
  static final String ACTOR = "first-start";

  private final AccountService accounts;
  private final AuthConfig config;
  private volatile String setupToken;

  FirstAdmin(AccountService accounts, AuthConfig config) {
    this.accounts = accounts;
    this.config = config;
  }

  /** Any command that opens the catalog creates the admin from the environment. */
  @EventListener
  void onStartup(StartupEvent event) {
    String password = config.adminPassword();
    if (password != null && !password.isBlank() && !accounts.hasUsers()) {
      accounts.create(USERNAME, password, Role.ADMIN, ACTOR);
      LOG.info(
          "Created the first admin user '{}' with the password from CONCEPTHASH_ADMIN_PASSWORD",
          USERNAME);
    }
  }

  /**
   * The setup token only when the web server runs: only this process's /setup page can redeem it.
   */
  @EventListener
  void onServerStartup(ServerStartupEvent event) {
    if (accounts.hasUsers()) {
      return;
    }
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    setupToken = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    LOG.warn(
        "No users yet. Create the first admin at /setup with this one-time setup token: {}"
            + " (or restart with CONCEPTHASH_ADMIN_PASSWORD set)",
        setupToken);
  }

  /** Whether a setup token is waiting to be redeemed (there are no users yet). */
  public boolean setupPending() {
    return setupToken != null;
  }

  /**
   * Creates the first admin when the token is the one printed to the log; the token is spent either
   * way once an admin exists.
   */
  public synchronized Optional<Account> redeem(String token, String username, String password) {
    String expected = setupToken;
    if (expected == null
        || token == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8),
            token.strip().getBytes(StandardCharsets.UTF_8))) {
      return Optional.empty();
    }
    if (accounts.hasUsers()) {
      setupToken = null;
      return Optional.empty();
    }
    Account admin = accounts.create(username, password, Role.ADMIN, ACTOR);
    setupToken = null;
    LOG.info("First admin '{}' created with the setup token", admin.username());
    return Optional.of(admin);
  }
}
