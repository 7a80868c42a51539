package org.concepthash.accounts;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Whether visitors who have not signed in may browse and search (as viewers). {@code auto} allows
 * it on the embedded demo database and refuses it once an external database is configured
 * (production).
 */
@Singleton
public class AnonymousAccess {

  /**
   * The name label changes would be recorded for (anonymous visitors are viewers and cannot change
   * any).
   */
  public static final String NAME = "anonymous";

  private final boolean viewer;

  AnonymousAccess(
      AuthConfig config, @Value("${concepthash.embedded-database}") boolean embeddedDatabase) {
    this.viewer =
        switch (config.anonymous()) {
          case "viewer" -> true;
          case "off" -> false;
          default -> embeddedDatabase;
        };
  }

  public boolean viewerAllowed() {
    return viewer;
  }

  /** The role of a visitor who has not signed in, when there is one. */
  public java.util.Optional<SignedInUser> anonymousUser() {
    return viewer
        ? java.util.Optional.of(new SignedInUser(NAME, Role.VIEWER))
        : java.util.Optional.empty();
  }
}
