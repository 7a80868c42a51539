package org.concepthash.web;

/** Who a change is recorded for until accounts exist (issue: accounts and roles). */
final class Actors {
  static final String ANONYMOUS = "anonymous";

  private Actors() {}
}
