package org.concepthash.accounts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UploadLimiterTest {

  @Test
  void aBurstThenTheRatePerUser() {
    LoginThrottleTest.ManualClock clock = new LoginThrottleTest.ManualClock();
    UploadLimiter limiter = new UploadLimiter(6, clock);
    for (int i = 0; i < 6; i++) {
      limiter.acquire("cur");
    }
    RateLimitedException refused =
        assertThrows(RateLimitedException.class, () -> limiter.acquire("cur"));
    assertTrue(
        refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 10,
        "one upload per 10 s refills");
    assertDoesNotThrow(() -> limiter.acquire("other"), "per user");
    clock.advance(Duration.ofSeconds(10));
    assertDoesNotThrow(() -> limiter.acquire("cur"));
    assertThrows(RateLimitedException.class, () -> limiter.acquire("cur"));
  }
}
