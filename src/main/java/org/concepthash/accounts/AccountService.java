package org.concepthash.accounts;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Users: create, check passwords, change role, reset password, disable. The last admin is
 * protected.
 */
@Singleton
public class AccountService {

  /** Lower-case letters, digits, dot, dash, underscore; starts with a letter or digit. */
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public static final int MIN_PASSWORD_LENGTH = 10;
  private static final int MAX_PASSWORD_LENGTH = 1024;

  private final UserRepository users;
  private final PasswordHasher hasher;
  private final Clock clock;

  /** Verified when the user name is unknown, so a wrong name takes as long as a wrong password. */
  private final String decoyHash;

  AccountService(UserRepository users, PasswordHasher hasher, Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.clock = clock;
    this.decoyHash = hasher.hash("decoy password that nobody has");
  }

  @Transactional
  public boolean hasUsers() {
    return users.count() > 0;
  }

  @Transactional
  public List<Account> list() {
    return users.findAllOrderByUsername().stream().map(AccountService::view).toList();
  }

  @Transactional
  public Optional<Account> find(String username) {
    return users.findByUsername(normalise(username)).map(AccountService::view);
  }

  /** The user as signed in, when the name is known, enabled and the password matches. */
  @Transactional
  public Optional<SignedInUser> authenticate(String username, String password) {
    Optional<UserEntity> user = users.findByUsername(normalise(username));
    if (user.isEmpty() || password == null) {
      hasher.verify(password == null ? "" : password, decoyHash);
      return Optional.empty();
    }
    UserEntity u = user.get();
    if (!hasher.verify(password, u.passwordHash) || !u.enabled) {
      return Optional.empty();
    }
    return Optional.of(new SignedInUser(u.username, Role.parse(u.role)));
  }

  /**
   * The current state of a signed-in user: empty once disabled or removed, the new role once
   * changed.
   */
  @Transactional
  public Optional<SignedInUser> refresh(String username) {
    return users
        .findByUsername(normalise(username))
        .filter(u -> u.enabled)
        .map(u -> new SignedInUser(u.username, Role.parse(u.role)));
  }

  @Transactional
  public Account create(String username, String password, Role role, String actor) {
    String name = normalise(username);
    if (!USERNAME.matcher(name).matches()) {
      throw AccountException.invalid(
          "user name must be 1-64 lower-case letters, digits, '.', '-' or '_', starting with a"
              + " letter or digit");
    }
    checkPassword(password);
    if (users.findByUsername(name).isPresent()) {
      throw AccountException.conflict("user '" + name + "' exists already");
    }
    UserEntity u = new UserEntity();
    u.username = name;
    u.passwordHash = hasher.hash(password);
    u.role = role.id();
    u.enabled = true;
    u.createdBy = actor;
    u.createdAt = Instant.now(clock);
    u.updatedAt = u.createdAt;
    return view(users.save(u));
  }

  /**
   * Several changes to one user in one transaction: any of role, enabled, password (null:
   * unchanged).
   */
  @Transactional
  public Account update(
      String username, Role role, Boolean enabled, String password, String actor) {
    Account result =
        find(username).orElseThrow(() -> AccountException.notFound("no user '" + username + "'"));
    if (password != null) {
      result = resetPassword(username, password, actor);
    }
    if (role != null) {
      result = setRole(username, role, actor);
    }
    if (enabled != null) {
      result = setEnabled(username, enabled, actor);
    }
    return result;
  }

  @Transactional
  public Account setRole(String username, Role role, String actor) {
    UserEntity u = require(username);
    if (!role.includes(Role.ADMIN)) {
      keepAnAdmin(u);
    }
    u.role = role.id();
    u.updatedAt = Instant.now(clock);
    return view(users.update(u));
  }

  @Transactional
  public Account setEnabled(String username, boolean enabled, String actor) {
    UserEntity u = require(username);
    if (!enabled) {
      keepAnAdmin(u);
    }
    u.enabled = enabled;
    u.updatedAt = Instant.now(clock);
    return view(users.update(u));
  }

  @Transactional
  public Account resetPassword(String username, String password, String actor) {
    checkPassword(password);
    UserEntity u = require(username);
    u.passwordHash = hasher.hash(password);
    u.updatedAt = Instant.now(clock);
    return view(users.update(u));
  }

  private void keepAnAdmin(UserEntity u) {
    if (u.enabled
        && Role.ADMIN.id().equals(u.role)
        && users.countByRoleAndEnabled(Role.ADMIN.id(), true) <= 1) {
      throw AccountException.conflict("'" + u.username + "' is the last enabled admin");
    }
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw AccountException.invalid(
          "password must have at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    if (password.length() > MAX_PASSWORD_LENGTH) {
      throw AccountException.invalid(
          "password must have at most " + MAX_PASSWORD_LENGTH + " characters");
    }
  }

  private UserEntity require(String username) {
    return users
        .findByUsername(normalise(username))
        .orElseThrow(() -> AccountException.notFound("no user '" + username + "'"));
  }

  private static String normalise(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }

  private static Account view(UserEntity u) {
    return new Account(u.username, Role.parse(u.role), u.enabled, u.createdBy, u.createdAt);
  }
}
