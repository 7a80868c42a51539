package org.concepthash.data;

/**
 * One class of a data set.
 *
 * @param name stable name as in the source files ("001.Black_footed_Albatross")
 * @param displayName cleaned name used for prompts and the UI ("black footed albatross")
 * @param family family for family-level retrieval ("albatross"), see method-spec section 5
 * @param group a coarser level above the family where the source has one (FGVC-Aircraft
 *     manufacturer, NABirds top-level group); equal to {@code family} otherwise
 */
public record ClassInfo(String name, String displayName, String family, String group) {

  /** A class whose source has no level above the family. */
  public ClassInfo(String name, String displayName, String family) {
    this(name, displayName, family, family);
  }
}
