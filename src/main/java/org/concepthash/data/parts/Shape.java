package org.concepthash.data.parts;

import java.util.List;

/** A closed region of the plane in some local frame; the rasteriser queries it point by point. */
sealed interface Shape permits Ellipse, Polygon {

  boolean contains(double x, double y);

  /** Points on the outline, used to measure the extent of a drawing before it is placed. */
  List<double[]> outline();
}
