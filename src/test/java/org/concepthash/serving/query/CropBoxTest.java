package org.concepthash.serving.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.concepthash.model.CropWindow;
import org.concepthash.model.ImagePreprocessor;
import org.junit.jupiter.api.Test;

class CropBoxTest {

  private static final float[] ZERO = {0, 0, 0};
  private static final float[] ONE = {1, 1, 1};

  @Test
  void inputCropOfAWideImageIsItsCentralSquare() {
    // 200 x 100 resized to 128 x 64, central 64 x 64 crop: columns 32..96 of 128
    CropBox box = CropBox.of(CropWindow.of(new ImagePreprocessor(64, 64, ZERO, ONE), 200, 100));
    assertEquals(new CropBox(0.25, 0, 0.5, 1), box);
  }

  @Test
  void peakRegionIsCentredOnThePeakPatchAndStaysInsideTheCrop() {
    float[] map = new float[16];
    map[1 * 4 + 2] = 1; // row 1, column 2
    AttentionMaps maps =
        new AttentionMaps("m", 4, new float[][] {map}, new CropBox(0.25, 0, 0.5, 1));
    // two patches around the centre of patch (2, 1): crop columns 1.5..3.5, rows 0.5..2.5 of 4
    CropBox r = ConceptAtlas.peakRegion(maps, 0);
    assertEquals(0.25 + 0.5 * 1.5 / 4, r.left(), 1e-12);
    assertEquals(0.5 / 4, r.top(), 1e-12);
    assertEquals(0.5 * 2 / 4, r.width(), 1e-12);
    assertEquals(2.0 / 4, r.height(), 1e-12);

    map[1 * 4 + 2] = 0;
    map[15] = 1; // bottom-right corner: the region is moved inside
    CropBox corner = ConceptAtlas.peakRegion(maps, 0);
    assertEquals(0.25 + 0.5 * 0.5, corner.left(), 1e-12);
    assertEquals(0.5, corner.top(), 1e-12);
  }
}
