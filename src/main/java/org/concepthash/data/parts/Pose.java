package org.concepthash.data.parts;

/**
 * Places a bird drawn in object units (facing +x, y down, body centre at the origin) into an image:
 * optional mirror about the vertical axis, scale by {@code unit} pixels per object unit, rotation
 * by an angle, then translation of the body centre to pixel position (cx, cy).
 */
final class Pose {

  private final double cx;
  private final double cy;
  private final double unit;
  private final boolean mirrored;
  private final double cos;
  private final double sin;

  private Pose(double cx, double cy, double unit, boolean mirrored, double cos, double sin) {
    this.cx = cx;
    this.cy = cy;
    this.unit = unit;
    this.mirrored = mirrored;
    this.cos = cos;
    this.sin = sin;
  }

  /** A pose with the body centre at the image origin; place it with {@link #movedTo}. */
  static Pose at(double unit, double angleRadians, boolean mirrored) {
    // StrictMath: the same bits on every JVM, so a seed gives byte-identical images everywhere.
    return new Pose(
        0, 0, unit, mirrored, StrictMath.cos(angleRadians), StrictMath.sin(angleRadians));
  }

  /** The same pose with the body centre at pixel position (newCx, newCy). */
  Pose movedTo(double newCx, double newCy) {
    return new Pose(newCx, newCy, unit, mirrored, cos, sin);
  }

  /** Object coordinates to image pixel coordinates: {x, y}. */
  double[] toImage(double ox, double oy) {
    double x = (mirrored ? -ox : ox) * unit;
    double y = oy * unit;
    return new double[] {cx + x * cos - y * sin, cy + x * sin + y * cos};
  }

  /**
   * Image pixel coordinates to object coordinates, written into {@code out} (hot loop: no garbage).
   */
  void toObject(double ix, double iy, double[] out) {
    double dx = ix - cx;
    double dy = iy - cy;
    double x = (dx * cos + dy * sin) / unit;
    double y = (-dx * sin + dy * cos) / unit;
    out[0] = mirrored ? -x : x;
    out[1] = y;
  }
}
