package org.concepthash.data.parts;

/**
 * A rendered scene before noise: mean colour per pixel and which part each pixel shows.
 *
 * <p>Shapes: {@code red/green/blue} (S*S) in 0..255, row-major; {@code partMap} (S*S) holds
 * {@code Part.ordinal() + 1} of the part covering most of the pixel, 0 for background;
 * {@code coverage} (P*S*S) counts, per part, the sub-samples of each pixel it covers.
 */
record Raster(int size, double[] red, double[] green, double[] blue, byte[] partMap, int[] coverage) {

  /** Sub-samples per pixel that {@link #coverage} counts out of. */
  static final int SAMPLES = Rasterizer.SAMPLES_PER_AXIS * Rasterizer.SAMPLES_PER_AXIS;

  int coverage(Part part, int pixel) {
    return coverage[part.ordinal() * size * size + pixel];
  }

  /** Number of bird sub-samples in the pixel (any part). */
  int birdCoverage(int pixel) {
    int sum = 0;
    for (Part p : Part.values()) {
      sum += coverage(p, pixel);
    }
    return sum;
  }
}
