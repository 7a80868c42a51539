package org.concepthash.ui;

import org.concepthash.accounts.AnonymousAccess;
import org.concepthash.accounts.SignedInUser;

/**
 * Who a change made in the UI is recorded for: the signed-in user. For views without an injected
 * {@link UiAccess} (which also checks roles).
 */
final class UiActors {
  private UiActors() {}

  static String current() {
    return CurrentUser.signedIn().map(SignedInUser::username).orElse(AnonymousAccess.NAME);
  }
}
