package org.concepthash.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Optional;
import org.concepthash.accounts.LoginService;
import org.concepthash.accounts.SignedInUser;

/**
 * {@code POST /api/login {"username", "password"}}: a signed token for scripts, {@code
 * {"access_token": ..., "token_type": "Bearer", "expires_in": seconds, "username", "roles"}}; send
 * it as {@code Authorization: Bearer <token>}. 401 for a wrong name or password, 429 after repeated
 * failures.
 */
@Controller("/api/login")
@Secured(SecurityRule.IS_ANONYMOUS)
class LoginController {

  @Serdeable
  record Credentials(@Nullable String username, @Nullable String password) {}

  private final LoginService logins;
  private final AccessRefreshTokenGenerator tokens;

  LoginController(LoginService logins, AccessRefreshTokenGenerator tokens) {
    this.logins = logins;
    this.tokens = tokens;
  }

  @Post
  HttpResponse<?> login(@Body Credentials credentials, HttpRequest<?> request) {
    if (credentials.username() == null || credentials.password() == null) {
      return ApiErrors.error(HttpStatus.BAD_REQUEST, "username and password are required");
    }
    String address = request.getRemoteAddress().getAddress().getHostAddress();
    Optional<SignedInUser> user =
        logins.login(credentials.username(), credentials.password(), address);
    if (user.isEmpty()) {
      return ApiErrors.error(HttpStatus.UNAUTHORIZED, "wrong user name or password");
    }
    Authentication authentication =
        Authentication.build(user.get().username(), user.get().role().grantedIds());
    return tokens
        .generate(authentication)
        .<HttpResponse<?>>map(HttpResponse::ok)
        .orElseGet(
            () -> ApiErrors.error(HttpStatus.INTERNAL_SERVER_ERROR, "could not issue a token"));
  }
}
