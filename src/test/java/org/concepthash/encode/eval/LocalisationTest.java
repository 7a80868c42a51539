package org.concepthash.encode.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.concepthash.data.Keypoint;
import org.concepthash.encode.ClassPrediction;
import org.concepthash.encode.Encoding;
import org.concepthash.model.CropWindow;
import org.concepthash.model.ImagePreprocessor;
import org.junit.jupiter.api.Test;

class LocalisationTest {

  /** 32 x 32 images are neither resized nor cropped by a 32/32 preprocessor: crop = image. */
  private final CropWindow identity =
      CropWindow.of(
          new ImagePreprocessor(32, 32, ImagePreprocessor.CLIP_MEAN, ImagePreprocessor.CLIP_STD),
          32,
          32);

  @Test
  void theErrorIsTheDistanceFromThePeakPatchCentreToTheNearestKeypointOverTheCropSide() {
    Localisation l = new Localisation(2);
    // grid 4 (8 px patches); concept 0 peaks at row 1, column 2 -> centre (20, 12)
    // concept 1 peaks at row 3, column 0 -> centre (4, 28)
    Encoding e = encoding(peak(1 * 4 + 2), peak(3 * 4 + 0));
    l.add(e, identity, List.of(new Keypoint("beak", 20, 20), new Keypoint("tail", 4, 31)));
    assertArrayEquals(new double[] {8.0 / 32, 3.0 / 32}, l.errors(), 1e-12);
    // a second image: both concepts exactly on a keypoint
    l.add(
        encoding(peak(6), peak(12)),
        identity,
        List.of(new Keypoint("a", 20, 12), new Keypoint("b", 4, 28)));
    assertArrayEquals(new double[] {4.0 / 32, 1.5 / 32}, l.errors(), 1e-12);
    assertEquals(2, l.images());
  }

  @Test
  void imagesWithoutKeypointsAreNotCounted() {
    Localisation l = new Localisation(1);
    l.add(encoding(peak(0)), identity, List.of());
    assertEquals(0, l.images());
    assertEquals(0, l.errors().length);
  }

  private static float[] peak(int patch) {
    float[] map = new float[16];
    java.util.Arrays.fill(map, 0.01f);
    map[patch] = 0.5f;
    return map;
  }

  private static Encoding encoding(float[]... maps) {
    return new Encoding(
        new long[] {0},
        new String[maps.length],
        new float[8],
        maps,
        4,
        new ClassPrediction(0, 0, 0));
  }
}
