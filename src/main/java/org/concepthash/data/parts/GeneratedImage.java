package org.concepthash.data.parts;

import java.awt.image.BufferedImage;
import java.util.List;
import org.concepthash.data.BoundingBox;
import org.concepthash.data.Keypoint;

/**
 * One generated image with its ground truth.
 *
 * @param partMap (size*size, row-major) {@code Part.ordinal() + 1} of the part covering most of
 *     each pixel, 0 for background; not copied, do not modify
 * @param keypoints one per {@link Part} in part order, at the centre of a pixel that shows the part
 *     (continuous pixel coordinates: pixel (i, j) covers [i, i+1) x [j, j+1))
 * @param box tight box around every pixel the bird touches, same coordinates
 */
public record GeneratedImage(
    Species species,
    BufferedImage image,
    byte[] partMap,
    List<Keypoint> keypoints,
    BoundingBox box) {

  public GeneratedImage {
    keypoints = List.copyOf(keypoints);
  }

  /** The part shown at pixel (x, y), or null for background. */
  public Part partAt(int x, int y) {
    int label = partMap[y * image.getWidth() + x];
    return label == 0 ? null : Part.values()[label - 1];
  }
}
