package org.concepthash.web;

import io.micronaut.security.authentication.Authentication;
import org.concepthash.accounts.AnonymousAccess;

/**
 * Who a change made through the API is recorded for: the authenticated user's name. Controller
 * methods that change something take an {@code Authentication} parameter and pass {@code
 * Actors.of(it)}.
 */
final class Actors {

  private Actors() {}

  static String of(Authentication authentication) {
    return authentication == null ? AnonymousAccess.NAME : authentication.getName();
  }
}
