package org.concepthash.data.parts;

/**
 * What all species of one family share: the body (shape, colour, pattern), the tail and the beak
 * length. Species of a family differ only in head, wing and beak colours.
 *
 * @param name single lower-case word, the last word of every member's class name ("finch")
 */
public record Family(
    String name,
    BodyShape body,
    TailShape tail,
    PartColour colour,
    BodyPattern pattern,
    boolean longBeak) {

  /** Body ellipse radii in object units. */
  public enum BodyShape {
    ROUND(0.34, 0.28),
    SLIM(0.44, 0.20),
    PLUMP(0.40, 0.30),
    LONG(0.50, 0.23);

    final double rx;
    final double ry;

    BodyShape(double rx, double ry) {
      this.rx = rx;
      this.ry = ry;
    }
  }

  public enum TailShape {
    FAN,
    POINTED,
    FORKED,
    SQUARE
  }

  public enum BodyPattern {
    SOLID,
    BARRED,
    PALE_BELLY
  }
}
