package org.concepthash.ui;

/** Who a change made in the UI is recorded for until accounts exist (issue: accounts and roles). */
final class UiActors {
  private UiActors() {}

  static String current() {
    return "anonymous";
  }
}
