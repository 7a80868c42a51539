package org.concepthash.encode.eval;

import org.concepthash.model.CropWindow;

/**
 * Where one concept looked in one image: the patch with the largest attention (the first one on
 * ties) and its centre, in crop pixels and, through the {@link CropWindow}, in original-image
 * pixels.
 *
 * @param patch row-major patch index (row y, column x at y * G + x)
 * @param grid G, patches per side of the crop
 */
public record AttentionPeak(int patch, int grid) {

  /** The peak of one concept's map of G x G values, row-major. */
  public static AttentionPeak of(float[] map, int grid) {
    if (map.length != grid * grid) {
      throw new IllegalArgumentException(
          map.length + " attention values for a " + grid + " x " + grid + " grid");
    }
    int best = 0;
    for (int p = 1; p < map.length; p++) {
      if (map[p] > map[best]) {
        best = p;
      }
    }
    return new AttentionPeak(best, grid);
  }

  /** Patch centre x in crop pixels of {@code window}. */
  public double cropX(CropWindow window) {
    return (patch % grid + 0.5) * window.size() / grid;
  }

  /** Patch centre y in crop pixels of {@code window}. */
  public double cropY(CropWindow window) {
    return (patch / grid + 0.5) * window.size() / grid;
  }

  /** Patch centre x in pixels of the original image. */
  public double imageX(CropWindow window) {
    return window.originalX(cropX(window));
  }

  /** Patch centre y in pixels of the original image. */
  public double imageY(CropWindow window) {
    return window.originalY(cropY(window));
  }
}
