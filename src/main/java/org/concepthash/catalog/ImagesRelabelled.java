package org.concepthash.catalog;

import java.util.List;

/**
 * Published when images got a new current label (or lost it); search filters must see the change.
 */
public record ImagesRelabelled(List<Long> imageIds) {

  public ImagesRelabelled {
    imageIds = List.copyOf(imageIds);
  }
}
