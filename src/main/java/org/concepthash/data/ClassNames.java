package org.concepthash.data;

import java.util.List;
import java.util.Locale;

/** Class-name cleaning and family rules of method-spec sections 5-6, shared by the readers. */
final class ClassNames {

  /**
   * Stanford Cars makes that are two words; every other make is the first word of the class name.
   */
  static final List<String> TWO_WORD_MAKES = List.of("AM General", "Aston Martin", "Land Rover");

  private ClassNames() {}

  /** CUB: "001.Black_footed_Albatross" -> "black footed albatross" (numeric prefix dropped). */
  static String cub(String name) {
    int dot = name.indexOf('.');
    String bare =
        dot > 0 && name.substring(0, dot).chars().allMatch(Character::isDigit)
            ? name.substring(dot + 1)
            : name;
    return tidy(bare).toLowerCase(Locale.ROOT);
  }

  /** Underscores to spaces, runs of white space to one space, trimmed; case is kept. */
  static String tidy(String name) {
    return name.replace('_', ' ').trim().replaceAll("\\s+", " ");
  }

  /** CUB family: the last word of the cleaned name ("black footed albatross" -> "albatross"). */
  static String lastWord(String displayName) {
    return displayName.substring(displayName.lastIndexOf(' ') + 1);
  }

  /**
   * Stanford Cars family: the make at the start of the class name ("Aston Martin V8 Vantage ...").
   */
  static String carMake(String className) {
    String tidy = tidy(className);
    for (String make : TWO_WORD_MAKES) {
      if (tidy.startsWith(make + " ")) {
        return make;
      }
    }
    int space = tidy.indexOf(' ');
    return space < 0 ? tidy : tidy.substring(0, space);
  }
}
