package org.concepthash.accounts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  /** A clock the test moves. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private final ManualClock clock = new ManualClock();
  private final LoginThrottle throttle =
      new LoginThrottle(3, Duration.ofSeconds(30), Duration.ofMinutes(5), clock);

  @Test
  void repeatedFailuresLockOutWithADoublingDelay() {
    throttle.failed("eve", "10.0.0.1");
    throttle.failed("eve", "10.0.0.1");
    assertDoesNotThrow(() -> throttle.check("eve", "10.0.0.1"), "below the allowance");
    throttle.failed("eve", "10.0.0.1");
    RateLimitedException locked =
        assertThrows(RateLimitedException.class, () -> throttle.check("eve", "10.0.0.1"));
    assertEquals(30, locked.retryAfterSeconds());
    clock.advance(Duration.ofSeconds(31));
    assertDoesNotThrow(() -> throttle.check("eve", "10.0.0.1"));
    throttle.failed("eve", "10.0.0.1");
    assertEquals(
        60,
        assertThrows(RateLimitedException.class, () -> throttle.check("eve", "10.0.0.1"))
            .retryAfterSeconds());
    for (int i = 0; i < 20; i++) {
      throttle.failed("eve", "10.0.0.1");
    }
    assertEquals(
        300,
        assertThrows(RateLimitedException.class, () -> throttle.check("EVE", "10.0.0.1"))
            .retryAfterSeconds(),
        "capped, and the user name is case-insensitive");
  }

  @Test
  void otherNamesAndAddressesAreNotLockedAndSuccessClears() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("bob", "10.0.0.2");
    }
    assertThrows(RateLimitedException.class, () -> throttle.check("bob", "10.0.0.2"));
    assertDoesNotThrow(() -> throttle.check("bob", "10.0.0.3"));
    assertDoesNotThrow(() -> throttle.check("alice", "10.0.0.2"));
    throttle.failed("carol", "10.0.0.2");
    throttle.failed("carol", "10.0.0.2");
    throttle.succeeded("carol", "10.0.0.2");
    throttle.failed("carol", "10.0.0.2");
    assertDoesNotThrow(
        () -> throttle.check("carol", "10.0.0.2"), "the count restarted after the success");
  }
}
