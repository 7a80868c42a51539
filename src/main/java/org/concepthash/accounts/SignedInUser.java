package org.concepthash.accounts;

import java.io.Serializable;

/**
 * Who a UI session belongs to; kept in the HTTP session, so the session's own requests to the REST
 * API (thumbnails, image content) are recognised too.
 */
public record SignedInUser(String username, Role role) implements Serializable {

  /** The HTTP session attribute that holds the signed-in user. */
  public static final String SESSION_ATTRIBUTE = "concepthash.user";
}
