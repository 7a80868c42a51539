package org.concepthash.accounts;

import java.time.Duration;

/**
 * Too many attempts (logins) or requests (uploads) for now; try again after {@link #retryAfter()}.
 */
public final class RateLimitedException extends RuntimeException {

  private final Duration retryAfter;

  public RateLimitedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole seconds, at least 1: the value of a {@code Retry-After} header. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
