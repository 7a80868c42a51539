package org.concepthash.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.concepthash.accounts.Account;
import org.concepthash.accounts.AccountService;
import org.concepthash.accounts.Role;
import org.concepthash.accounts.Roles;

/** Users (admins only), and {@code GET /api/users/me}: who the caller is. */
@Controller("/api/users")
class UserController {

  /** Body of {@code POST /api/users}. */
  @Serdeable
  record NewUser(String username, String password, String role) {}

  /** Body of {@code PUT /api/users/{name}}: any of role, enabled, password; absent ones stay. */
  @Serdeable
  record UserChange(@Nullable String role, @Nullable Boolean enabled, @Nullable String password) {}

  /** A user in the API: the role as its lower-case id, never the password hash. */
  @Serdeable
  record UserView(
      String username,
      String role,
      boolean enabled,
      String createdBy,
      java.time.Instant createdAt) {
    static UserView of(Account a) {
      return new UserView(a.username(), a.role().id(), a.enabled(), a.createdBy(), a.createdAt());
    }
  }

  /** The caller: user name and highest role. */
  @Serdeable
  record Me(String username, String role) {}

  private final AccountService accounts;

  UserController(AccountService accounts) {
    this.accounts = accounts;
  }

  @Get("/me")
  @Secured(Roles.VIEWER)
  Me me(Authentication authentication) {
    return new Me(
        authentication.getName(),
        Role.highestOf(authentication.getRoles()).map(Role::id).orElse(Roles.VIEWER));
  }

  @Get
  @Secured(Roles.ADMIN)
  List<UserView> list() {
    return accounts.list().stream().map(UserView::of).toList();
  }

  @Post
  @Secured(Roles.ADMIN)
  HttpResponse<UserView> create(@Body NewUser user, Authentication authentication) {
    Role role = Role.parse(user.role() == null ? Roles.VIEWER : user.role());
    return HttpResponse.created(
        UserView.of(
            accounts.create(user.username(), user.password(), role, Actors.of(authentication))));
  }

  @Put("/{username}")
  @Secured(Roles.ADMIN)
  UserView change(
      @PathVariable String username, @Body UserChange change, Authentication authentication) {
    Role role = change.role() == null ? null : Role.parse(change.role());
    return UserView.of(
        accounts.update(
            username, role, change.enabled(), change.password(), Actors.of(authentication)));
  }
}
