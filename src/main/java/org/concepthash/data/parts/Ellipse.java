package org.concepthash.data.parts;

import java.util.ArrayList;
import java.util.List;

/**
 * An ellipse with centre (cx, cy), radii (rx, ry) and its rx axis rotated by {@code angle} radians.
 */
final class Ellipse implements Shape {

  private static final int OUTLINE_POINTS = 32;

  private final double cx;
  private final double cy;
  private final double rx;
  private final double ry;
  private final double cos;
  private final double sin;

  Ellipse(double cx, double cy, double rx, double ry, double angle) {
    if (!(rx > 0 && ry > 0)) {
      throw new IllegalArgumentException("ellipse radii must be positive: " + rx + ", " + ry);
    }
    this.cx = cx;
    this.cy = cy;
    this.rx = rx;
    this.ry = ry;
    // StrictMath: the same bits on every JVM, so a seed gives byte-identical images everywhere.
    this.cos = StrictMath.cos(angle);
    this.sin = StrictMath.sin(angle);
  }

  static Ellipse circle(double cx, double cy, double r) {
    return new Ellipse(cx, cy, r, r, 0);
  }

  @Override
  public boolean contains(double x, double y) {
    double dx = x - cx;
    double dy = y - cy;
    double u = (dx * cos + dy * sin) / rx;
    double v = (-dx * sin + dy * cos) / ry;
    return u * u + v * v <= 1;
  }

  @Override
  public List<double[]> outline() {
    List<double[]> points = new ArrayList<>(OUTLINE_POINTS);
    for (int i = 0; i < OUTLINE_POINTS; i++) {
      double t = 2 * StrictMath.PI * i / OUTLINE_POINTS;
      double u = rx * StrictMath.cos(t);
      double v = ry * StrictMath.sin(t);
      points.add(new double[] {cx + u * cos - v * sin, cy + u * sin + v * cos});
    }
    return points;
  }
}
