package org.concepthash.serving.query;

import java.util.List;
import java.util.Locale;
import org.concepthash.catalog.CatalogException;

/**
 * Turns the concepts a user names (0-based indices or names) into a concept mask (bit m = concept
 * m).
 */
public final class ConceptSelection {

  private ConceptSelection() {}

  /**
   * The mask of {@code tokens} among {@code names}; no tokens (or only blanks) give 0, which {@link
   * QueryService#search} reads as every concept of the version that answers. Not the mask of every
   * one of {@code names}: when a retrained model is activated between this call and the search,
   * that mask would select only the old model's concepts of the new one.
   *
   * @throws CatalogException (invalid) naming the token that is neither an index nor a name
   */
  public static long mask(List<String> tokens, List<String> names) {
    long mask = 0;
    for (String raw : tokens) {
      String t = raw == null ? "" : raw.strip();
      if (t.isEmpty()) {
        continue;
      }
      mask |= 1L << index(t, names);
    }
    return mask;
  }

  /** Comma-separated form of {@link #mask(List, List)}; null or blank selects every concept. */
  public static long mask(String commaSeparated, List<String> names) {
    return mask(commaSeparated == null ? List.of() : List.of(commaSeparated.split(",")), names);
  }

  private static int index(String token, List<String> names) {
    if (token.chars().allMatch(Character::isDigit)) {
      int i;
      try {
        i = Integer.parseInt(token);
      } catch (NumberFormatException e) {
        i = -1;
      }
      if (i >= 0 && i < names.size()) {
        return i;
      }
      throw CatalogException.invalid(
          "concept index " + token + " is not in 0.." + (names.size() - 1));
    }
    String wanted = token.toLowerCase(Locale.ROOT);
    for (int m = 0; m < names.size(); m++) {
      if (names.get(m).toLowerCase(Locale.ROOT).equals(wanted)) {
        return m;
      }
    }
    throw CatalogException.invalid("no concept named '" + token + "'; the concepts are " + names);
  }
}
