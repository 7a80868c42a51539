package org.concepthash.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import org.concepthash.testing.TestCatalog;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The first admin: from CONCEPTHASH_ADMIN_PASSWORD, or from a one-time token printed to the log.
 */
class FirstAdminIT {

  @Test
  void theEnvironmentPasswordCreatesAdminOnceAndNoDefaultPasswordExists() {
    try (TestCatalog app =
        TestCatalog.start(
            false, Map.of("concepthash.auth.admin-password", "first-admin-password"))) {
      AccountService accounts = app.bean(AccountService.class);
      Account admin = accounts.find("admin").orElseThrow();
      assertEquals(Role.ADMIN, admin.role());
      assertTrue(accounts.authenticate("admin", "first-admin-password").isPresent());
      assertTrue(accounts.authenticate("admin", "admin").isEmpty());
      assertFalse(app.bean(FirstAdmin.class).setupPending(), "no token while users exist");
      assertEquals(1, accounts.list().size());
    }
  }

  @Test
  void commandsWithoutTheWebServerIssueNoToken() {
    try (TestCatalog app = TestCatalog.services()) {
      assertFalse(
          app.bean(FirstAdmin.class).setupPending(),
          "a token only this process could redeem is useless");
    }
  }

  @Test
  void withoutItAOneTimeTokenFromTheLogCreatesTheFirstAdmin() {
    Logger logger = (Logger) LoggerFactory.getLogger(FirstAdmin.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    try (TestCatalog app = TestCatalog.server()) {
      AccountService accounts = app.bean(AccountService.class);
      FirstAdmin first = app.bean(FirstAdmin.class);
      assertFalse(accounts.hasUsers(), "no default user, no default password");
      assertTrue(first.setupPending());
      String token = FirstAdminTokens.from(log);
      assertTrue(first.redeem("wrong-" + token, "admin", "a-good-admin-password").isEmpty());
      assertFalse(accounts.hasUsers());
      Account admin = first.redeem(token, "root", "a-good-admin-password").orElseThrow();
      assertEquals(Role.ADMIN, admin.role());
      assertTrue(accounts.authenticate("root", "a-good-admin-password").isPresent());
      assertFalse(first.setupPending());
      assertTrue(first.redeem(token, "second", "a-good-admin-password").isEmpty(), "one time only");
      assertEquals(1, accounts.list().size());
    } finally {
      logger.detachAppender(log);
    }
  }
}
