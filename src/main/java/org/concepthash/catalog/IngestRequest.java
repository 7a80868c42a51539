package org.concepthash.catalog;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Optional;
import org.concepthash.data.BoundingBox;
import org.concepthash.data.Keypoint;
import org.concepthash.data.Split;

/**
 * What comes with the bytes of one image: where it came from and how it is labelled.
 *
 * @param originalName the client's file name; sanitised before it is stored, never used as a path
 * @param source "upload", "import:cub200", ...
 * @param label an existing class name, or null
 * @param actor who adds the image (recorded with the label)
 */
public record IngestRequest(
    String originalName,
    String source,
    Split split,
    @Nullable String label,
    Optional<BoundingBox> box,
    List<Keypoint> keypoints,
    String actor) {

  public IngestRequest {
    keypoints = List.copyOf(keypoints);
  }

  /** An upload from a user with an optional label and split. */
  public static IngestRequest upload(
      String originalName, @Nullable String label, Split split, String actor) {
    return new IngestRequest(
        originalName, "upload", split, label, Optional.empty(), List.of(), actor);
  }
}
