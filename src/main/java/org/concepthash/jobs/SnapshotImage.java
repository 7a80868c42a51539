package org.concepthash.jobs;

import java.util.List;
import java.util.Optional;
import org.concepthash.data.BoundingBox;
import org.concepthash.data.Keypoint;

/**
 * One labelled image of a job's data snapshot, with its class as it was at enqueue time and the
 * geometry annotations the catalog keeps (used to measure concept localisation).
 */
record SnapshotImage(
    long imageId,
    String storageKey,
    String split,
    String className,
    String displayName,
    String family,
    Optional<BoundingBox> box,
    List<Keypoint> keypoints) {

  SnapshotImage {
    keypoints = List.copyOf(keypoints);
  }
}
