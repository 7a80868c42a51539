package org.concepthash.data;

import java.util.List;
import java.util.Optional;

/**
 * One image of a data set with its class, split and optional geometry annotations.
 *
 * @param key stable identifier inside the data set (e.g. the relative path), used for ordering and
 *     resume
 * @param classIndex index into {@link Dataset#classes()}
 */
public record LabelledImage(
    String key,
    ImageSource image,
    int classIndex,
    Split split,
    Optional<BoundingBox> box,
    List<Keypoint> keypoints) {

  public LabelledImage {
    keypoints = List.copyOf(keypoints);
  }
}
