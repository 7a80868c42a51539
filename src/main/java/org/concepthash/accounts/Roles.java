package org.concepthash.accounts;

/**
 * Role ids as constants for annotations: {@code @Secured(Roles.CURATOR)} on a controller method
 * admits curators and admins (an admin's token carries all three ids).
 */
public final class Roles {
  public static final String VIEWER = "viewer";
  public static final String CURATOR = "curator";
  public static final String ADMIN = "admin";

  private Roles() {}
}
