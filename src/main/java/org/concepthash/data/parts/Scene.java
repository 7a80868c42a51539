package org.concepthash.data.parts;

import java.util.List;

/**
 * Everything drawn in one image: a background paint and clutter shapes in image pixel coordinates,
 * and the bird in object coordinates placed by the pose.
 */
record Scene(int size, Paint background, List<Layer> clutter, Pose pose, Bird bird) {

  Scene {
    clutter = List.copyOf(clutter);
  }
}
