package org.concepthash.data.parts;

import java.util.Locale;

/**
 * One class of the parts world: a family plus head, wing and beak colours.
 *
 * @param index 0-based class index
 */
public record Species(int index, Family family, PartColour head, PartColour wing, PartColour beak) {

  /**
   * CUB-style class name, e.g. {@code 001.Red_headed_blue_winged_yellow_billed_Finch}; cleaning it
   * the CUB way gives the display name and its last word is the family.
   */
  public String className() {
    String words =
        head.word()
            + "_headed_"
            + wing.word()
            + "_winged_"
            + beak.word()
            + "_billed_"
            + family.name();
    return String.format(Locale.ROOT, "%03d.%s", index + 1, capitalise(words));
  }

  /** "red headed blue winged yellow billed finch". */
  public String displayName() {
    return head.word()
        + " headed "
        + wing.word()
        + " winged "
        + beak.word()
        + " billed "
        + family.name();
  }

  private static String capitalise(String words) {
    int last = words.lastIndexOf('_') + 1;
    return Character.toUpperCase(words.charAt(0))
        + words.substring(1, last)
        + Character.toUpperCase(words.charAt(last))
        + words.substring(last + 1);
  }
}
