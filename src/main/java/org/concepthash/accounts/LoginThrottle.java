package org.concepthash.accounts;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code loginFailuresAllowed} failures for one user name from
 * one address, further attempts are refused for {@code loginDelay}, doubling with every further
 * failure up to {@code loginDelayMax}. A successful login clears the count. In memory: a restart
 * forgets, which is fine for slowing down an online attack.
 */
@Singleton
public class LoginThrottle {

  private record Failures(int count, Instant lockedUntil, Instant last) {}

  /** Forget entries untouched for this long, so the map cannot grow without bound. */
  private static final Duration FORGET_AFTER = Duration.ofHours(1);

  private final int allowed;
  private final Duration delay;
  private final Duration maxDelay;
  private final Clock clock;
  private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

  @Inject
  LoginThrottle(AuthConfig config, Clock clock) {
    this(config.loginFailuresAllowed(), config.loginDelay(), config.loginDelayMax(), clock);
  }

  public LoginThrottle(int allowed, Duration delay, Duration maxDelay, Clock clock) {
    this.allowed = allowed;
    this.delay = delay;
    this.maxDelay = maxDelay;
    this.clock = clock;
  }

  /** Refuses with {@link RateLimitedException} while this user name and address are locked out. */
  public void check(String username, String address) {
    Failures f = failures.get(key(username, address));
    Instant now = clock.instant();
    if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
      throw new RateLimitedException(
          "too many failed logins; try again later", Duration.between(now, f.lockedUntil()));
    }
  }

  public void failed(String username, String address) {
    Instant now = clock.instant();
    if (failures.size() > 10_000) {
      failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
    }
    failures.compute(
        key(username, address),
        (k, f) -> {
          int count = f == null || f.last().plus(FORGET_AFTER).isBefore(now) ? 1 : f.count() + 1;
          Instant lockedUntil = count >= allowed ? now.plus(delayAfter(count)) : null;
          return new Failures(count, lockedUntil, now);
        });
  }

  public void succeeded(String username, String address) {
    failures.remove(key(username, address));
  }

  private Duration delayAfter(int count) {
    int doublings = Math.min(count - allowed, 30);
    Duration d = delay.multipliedBy(1L << doublings);
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }

  private static String key(String username, String address) {
    return (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "|" + address;
  }
}
