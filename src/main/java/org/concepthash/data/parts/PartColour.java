package org.concepthash.data.parts;

import java.util.Locale;

/**
 * The saturated colours parts are painted with. Names are single words so that class names built
 * from them ("red headed blue winged ...") stay readable and prompt-friendly.
 */
public enum PartColour {
  RED(215, 40, 40),
  ORANGE(240, 135, 25),
  YELLOW(240, 215, 45),
  GREEN(45, 160, 60),
  TEAL(30, 165, 165),
  BLUE(45, 80, 215),
  PURPLE(135, 60, 185),
  PINK(240, 125, 180),
  WHITE(245, 245, 240),
  BLACK(30, 30, 30),
  BROWN(125, 80, 40),
  GREY(135, 135, 135);

  private final Rgb rgb;

  PartColour(int r, int g, int b) {
    this.rgb = new Rgb(r, g, b);
  }

  public Rgb rgb() {
    return rgb;
  }

  /** Lower-case word used in class names. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
