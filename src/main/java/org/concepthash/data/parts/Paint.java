package org.concepthash.data.parts;

/** The colour of a shape at a point of its local frame (patterns vary with the point). */
@FunctionalInterface
interface Paint {

  /** 0xRRGGBB at (x, y). */
  int rgbAt(double x, double y);

  static Paint solid(Rgb colour) {
    int packed = colour.packed();
    return (x, y) -> packed;
  }
}
