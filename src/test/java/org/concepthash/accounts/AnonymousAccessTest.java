package org.concepthash.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * auto: viewer on the embedded demo database, off with an external one; viewer and off force it.
 */
class AnonymousAccessTest {

  private static AuthConfig mode(String anonymous) {
    return new AuthConfig(
        anonymous, null, null, 5, Duration.ofSeconds(30), Duration.ofMinutes(15), 600);
  }

  @Test
  void autoFollowsTheDatabase() {
    assertTrue(new AnonymousAccess(mode("auto"), true).viewerAllowed());
    assertFalse(new AnonymousAccess(mode("auto"), false).viewerAllowed());
    assertEquals(
        Role.VIEWER, new AnonymousAccess(mode("auto"), true).anonymousUser().orElseThrow().role());
  }

  @Test
  void viewerAndOffOverrideIt() {
    assertTrue(new AnonymousAccess(mode("viewer"), false).viewerAllowed());
    assertFalse(new AnonymousAccess(mode("off"), true).viewerAllowed());
    assertTrue(new AnonymousAccess(mode("off"), true).anonymousUser().isEmpty());
  }
}
