package org.concepthash.ui;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.concepthash.accounts.AccountService;
import org.concepthash.accounts.AnonymousAccess;
import org.concepthash.accounts.Role;
import org.concepthash.accounts.SignedInUser;

/**
 * What the current UI user may do: the signed-in user, or the anonymous viewer when anonymous
 * access is on. Views hide what {@link #allows} refuses; action handlers call {@link #require}
 * before they change anything, so a hidden button that a client fires anyway is still refused.
 */
@Singleton
public class UiAccess {

  private final AnonymousAccess anonymous;
  private final AccountService accounts;

  UiAccess(AnonymousAccess anonymous, AccountService accounts) {
    this.anonymous = anonymous;
    this.accounts = accounts;
  }

  /** The current user: signed in, else the anonymous viewer when allowed, else empty. */
  public Optional<SignedInUser> user() {
    return CurrentUser.signedIn().or(anonymous::anonymousUser);
  }

  public boolean signedIn() {
    return CurrentUser.signedIn().isPresent();
  }

  public boolean allows(Role role) {
    return user().map(u -> u.role().includes(role)).orElse(false);
  }

  /** Refuses with {@link AccessDeniedException} unless the current user has the role. */
  public void require(Role role) {
    if (!allows(role)) {
      throw new AccessDeniedException("Your role does not allow this (needs " + role.id() + ")");
    }
  }

  /** The name changes are recorded for. */
  public String actor() {
    return user().map(SignedInUser::username).orElse(AnonymousAccess.NAME);
  }

  /** The least role a view needs, or empty for a public view. */
  public static Optional<Role> requiredRole(Class<?> view) {
    if (view.isAnnotationPresent(PublicView.class)) {
      return Optional.empty();
    }
    RequiresRole required = view.getAnnotation(RequiresRole.class);
    return Optional.of(required == null ? Role.VIEWER : required.value());
  }

  public boolean allowsView(Class<?> view) {
    return requiredRole(view).map(this::allows).orElse(true);
  }

  /**
   * Re-reads the signed-in user from the database: a disabled user is signed out, a changed role
   * applies from the next navigation on.
   */
  void refresh() {
    Optional<SignedInUser> current = CurrentUser.signedIn();
    if (current.isPresent()) {
      Optional<SignedInUser> now = accounts.refresh(current.get().username());
      if (now.isEmpty()) {
        CurrentUser.forget();
      } else if (!now.get().equals(current.get())) {
        CurrentUser.signIn(now.get());
      }
    }
  }
}
