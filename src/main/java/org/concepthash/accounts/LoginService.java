package org.concepthash.accounts;

import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Password login for the UI and the REST API alike: the throttle first, then the password check.
 */
@Singleton
public class LoginService {

  private final AccountService accounts;
  private final LoginThrottle throttle;

  LoginService(AccountService accounts, LoginThrottle throttle) {
    this.accounts = accounts;
    this.throttle = throttle;
  }

  /**
   * The signed-in user, or empty for a wrong name or password.
   *
   * @throws RateLimitedException while this name and address are locked out after repeated failures
   */
  public Optional<SignedInUser> login(String username, String password, String address) {
    throttle.check(username, address);
    Optional<SignedInUser> user = accounts.authenticate(username, password);
    if (user.isPresent()) {
      throttle.succeeded(username, address);
    } else {
      throttle.failed(username, address);
    }
    return user;
  }
}
