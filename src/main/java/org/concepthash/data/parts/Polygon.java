package org.concepthash.data.parts;

import java.util.ArrayList;
import java.util.List;

/** A simple polygon given by its vertices in order (either orientation); even-odd inside test. */
final class Polygon implements Shape {

  private final double[] xs;
  private final double[] ys;

  /**
   * @param xy alternating x, y coordinates of at least three vertices
   */
  Polygon(double... xy) {
    if (xy.length < 6 || xy.length % 2 != 0) {
      throw new IllegalArgumentException("a polygon needs at least three (x, y) vertices");
    }
    xs = new double[xy.length / 2];
    ys = new double[xy.length / 2];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = xy[2 * i];
      ys[i] = xy[2 * i + 1];
    }
  }

  @Override
  public boolean contains(double x, double y) {
    boolean inside = false;
    for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
      if ((ys[i] > y) != (ys[j] > y)
          && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
        inside = !inside;
      }
    }
    return inside;
  }

  @Override
  public List<double[]> outline() {
    List<double[]> points = new ArrayList<>(xs.length);
    for (int i = 0; i < xs.length; i++) {
      points.add(new double[] {xs[i], ys[i]});
    }
    return points;
  }
}
