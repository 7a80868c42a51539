package org.concepthash.data.parts;

/**
 * A rendered scene before noise: mean colour per pixel and which part each pixel shows.
 *
 * <p>Shapes: {@code red/green/blue} (S*S) in 0..255, row-major; {@code partMap} (S*S) holds {@code
 * Part.ordinal() + 1} of the part covering most of the pixel, 0 for background; {@code coverage}
 * (P*S*S) counts, per part, how many of the pixel's 4x4 sub-samples it covers.
 */
record Raster(
    int size, double[] red, double[] green, double[] blue, byte[] partMap, int[] coverage) {

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
