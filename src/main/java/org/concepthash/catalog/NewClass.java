package org.concepthash.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A class to create. The name is the stable identifier; the display name defaults to the name with
 * underscores as spaces; the family groups classes for family-level retrieval.
 */
@Serdeable
public record NewClass(String name, @Nullable String displayName, @Nullable String family) {

  static final int MAX_LENGTH = 200;

  /** Trims and validates; throws IllegalArgumentException with a message for the user. */
  public NewClass {
    name = name == null ? "" : name.strip();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a class needs a name");
    }
    if (name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("class names are at most " + MAX_LENGTH + " characters");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("class names cannot contain control characters");
    }
    displayName =
        displayName == null || displayName.isBlank() ? name.replace('_', ' ') : displayName.strip();
    family = family == null || family.isBlank() ? null : family.strip();
    if (displayName.length() > MAX_LENGTH || (family != null && family.length() > MAX_LENGTH)) {
      throw new IllegalArgumentException(
          "display names and families are at most " + MAX_LENGTH + " characters");
    }
  }
}
