package org.concepthash.serving.query;

import java.util.Arrays;
import org.concepthash.encode.Encoding;
import org.concepthash.encode.eval.AttentionPeak;
import org.concepthash.model.CropWindow;
import org.concepthash.model.ImagePreprocessor;

/**
 * Where each concept looked in one image: M maps over the G x G patch grid of the network's input
 * crop, and where that crop lies in the original image.
 *
 * @param maps per concept, G*G values row-major (row y, column x at y * G + x), as the encoder
 *     returns them
 * @param crop the input crop in the original image (the maps cover exactly this box)
 */
public record AttentionMaps(String modelVersion, int grid, float[][] maps, CropBox crop) {

  /** The maps of an encoding of a {@code width} x {@code height} image. */
  public static AttentionMaps of(
      String modelVersion, Encoding e, ImagePreprocessor p, int width, int height) {
    return new AttentionMaps(
        modelVersion, e.grid(), e.attention(), CropBox.of(CropWindow.of(p, width, height)));
  }

  /** Patch index (y * G + x) of the largest value of concept {@code m}; the first one on ties. */
  public int peak(int m) {
    return AttentionPeak.of(maps[m], grid).patch();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttentionMaps a
        && a.modelVersion.equals(modelVersion)
        && a.grid == grid
        && Arrays.deepEquals(a.maps, maps)
        && a.crop.equals(crop);
  }

  @Override
  public int hashCode() {
    return modelVersion.hashCode() * 31 + Arrays.deepHashCode(maps);
  }

  @Override
  public String toString() {
    return "AttentionMaps["
        + modelVersion
        + ", grid "
        + grid
        + ", "
        + maps.length
        + " concepts, "
        + crop
        + "]";
  }
}
