package org.concepthash.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class CropWindowTest {

  @Test
  void theWindowHasTheSizesThePreprocessorProduces() {
    ImagePreprocessor p = ImagePreprocessor.clip(32);
    int[][] sizes = {
      {32, 32}, {37, 37}, {50, 33}, {33, 50}, {121, 64}, {64, 121}, {99, 100}, {500, 333}
    };
    for (int[] s : sizes) {
      BufferedImage resized = p.resize(new BufferedImage(s[0], s[1], BufferedImage.TYPE_INT_RGB));
      CropWindow w = CropWindow.of(p, s[0], s[1]);
      assertEquals(resized.getWidth(), w.resizedWidth(), s[0] + "x" + s[1]);
      assertEquals(resized.getHeight(), w.resizedHeight(), s[0] + "x" + s[1]);
      assertEquals(32, w.size());
    }
  }

  @Test
  void theImageCentreMapsToTheCropCentreAndDistancesScaleWithTheResize() {
    CropWindow w =
        CropWindow.of(ImagePreprocessor.clip(32), 74, 148); // shorter side 74 -> 37: factor 1/2
    assertEquals(37, w.resizedWidth());
    assertEquals(74, w.resizedHeight());
    assertEquals(16.5, w.x(37), 1e-9); // centre 18.5 in the resized image, crop starts at 2
    assertEquals(16, w.y(74), 1e-9); // centre 37, crop starts at 21
    assertEquals(5, w.x(47) - w.x(37), 1e-9);
  }

  @Test
  void originalCoordinatesAreTheInverseOfCropCoordinates() {
    for (int[] s : new int[][] {{74, 148}, {148, 74}, {50, 33}, {32, 32}}) {
      CropWindow w = CropWindow.of(ImagePreprocessor.clip(32), s[0], s[1]);
      for (double v : new double[] {0, 3.25, 16, 31.5}) {
        assertEquals(v, w.x(w.originalX(v)), 1e-9);
        assertEquals(v, w.y(w.originalY(v)), 1e-9);
      }
    }
    CropWindow w = CropWindow.of(ImagePreprocessor.clip(32), 74, 148);
    assertEquals(37, w.originalX(16.5), 1e-9);
    assertEquals(74, w.originalY(16), 1e-9);
  }
}
