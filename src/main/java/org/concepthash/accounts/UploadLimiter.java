package org.concepthash.accounts;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-user rate limit of uploads (a token bucket: a burst of {@code uploadsPerMinute}, refilled at
 * that rate), so one script cannot flood the image store. Counted per user, not per address.
 */
@Singleton
public class UploadLimiter {

  private record Bucket(double tokens, long atNanos) {}

  private final int perMinute;
  private final Clock clock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  @Inject
  UploadLimiter(AuthConfig config, Clock clock) {
    this(config.uploadsPerMinute(), clock);
  }

  public UploadLimiter(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  /** Takes one upload from the user's allowance or refuses with {@link RateLimitedException}. */
  public void acquire(String username) {
    java.time.Instant at = clock.instant();
    long now = at.getEpochSecond() * 1_000_000_000L + at.getNano();
    double perNano = perMinute / 60e9;
    boolean[] allowed = new boolean[1];
    Bucket b =
        buckets.compute(
            username,
            (k, old) -> {
              double tokens =
                  old == null
                      ? perMinute
                      : Math.min(perMinute, old.tokens() + (now - old.atNanos()) * perNano);
              allowed[0] = tokens >= 1;
              return new Bucket(allowed[0] ? tokens - 1 : tokens, now);
            });
    if (!allowed[0]) {
      long waitNanos = (long) Math.ceil((1 - b.tokens()) / perNano);
      throw new RateLimitedException(
          "upload limit of " + perMinute + " per minute reached; try again later",
          Duration.ofNanos(waitNanos));
    }
  }
}
