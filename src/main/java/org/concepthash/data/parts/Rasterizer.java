package org.concepthash.data.parts;

import java.util.Arrays;
import java.util.List;

/**
 * Point-sampling rasteriser with a fixed 4x4 sub-sample grid per pixel (anti-aliasing). Written by
 * hand instead of using Java2D so that the output and the per-pixel part labels are exact and
 * identical on every JVM.
 */
final class Rasterizer {

  static final int SAMPLES_PER_AXIS = 4;

  private Rasterizer() {}

  static Raster render(Scene scene) {
    int size = scene.size();
    int pixels = size * size;
    Part[] parts = Part.values();
    double[] red = new double[pixels];
    double[] green = new double[pixels];
    double[] blue = new double[pixels];
    byte[] partMap = new byte[pixels];
    int[] coverage = new int[parts.length * pixels];
    List<Layer> birdLayers = scene.bird().layers();
    List<Layer> clutter = scene.clutter();
    double[] object = new double[2];
    int[] counts = new int[parts.length + 1];

    for (int py = 0; py < size; py++) {
      for (int px = 0; px < size; px++) {
        int pixel = py * size + px;
        long r = 0;
        long g = 0;
        long b = 0;
        Arrays.fill(counts, 0);
        for (int sy = 0; sy < SAMPLES_PER_AXIS; sy++) {
          for (int sx = 0; sx < SAMPLES_PER_AXIS; sx++) {
            double x = px + (sx + 0.5) / SAMPLES_PER_AXIS;
            double y = py + (sy + 0.5) / SAMPLES_PER_AXIS;
            scene.pose().toObject(x, y, object);
            int rgb = -1;
            int category = 0;
            for (int i = birdLayers.size() - 1; i >= 0 && rgb < 0; i--) {
              Layer layer = birdLayers.get(i);
              if (layer.shape().contains(object[0], object[1])) {
                rgb = layer.paint().rgbAt(object[0], object[1]);
                category = layer.part().ordinal() + 1;
              }
            }
            for (int i = clutter.size() - 1; i >= 0 && rgb < 0; i--) {
              Layer layer = clutter.get(i);
              if (layer.shape().contains(x, y)) {
                rgb = layer.paint().rgbAt(x, y);
              }
            }
            if (rgb < 0) {
              rgb = scene.background().rgbAt(x, y);
            }
            counts[category]++;
            r += (rgb >> 16) & 0xFF;
            g += (rgb >> 8) & 0xFF;
            b += rgb & 0xFF;
          }
        }
        double n = SAMPLES_PER_AXIS * SAMPLES_PER_AXIS;
        red[pixel] = r / n;
        green[pixel] = g / n;
        blue[pixel] = b / n;
        int best = 0;
        for (int c = 1; c < counts.length; c++) {
          if (counts[c] > counts[best]) {
            best = c;
          }
          coverage[(c - 1) * pixels + pixel] = counts[c];
        }
        partMap[pixel] = (byte) best;
      }
    }
    return new Raster(size, red, green, blue, partMap, coverage);
  }
}
