package org.concepthash.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {

  @Test
  void clipPresetKeepsTheReferenceResizeToCropRatio() {
    assertEquals(256, ImagePreprocessor.clip(224).resizeShorterSide());
    assertEquals(73, ImagePreprocessor.clip(64).resizeShorterSide());
    assertEquals(64, ImagePreprocessor.clip(64).cropSize());
  }

  @Test
  void resizeScalesTheShorterSideAndKeepsTheAspectRatio() {
    ImagePreprocessor p = ImagePreprocessor.clip(64);
    BufferedImage landscape = p.resize(filled(200, 100, 0x336699));
    assertEquals(146, landscape.getWidth());
    assertEquals(73, landscape.getHeight());
    BufferedImage portrait = p.resize(filled(50, 80, 0x336699));
    assertEquals(73, portrait.getWidth());
    assertEquals(117, portrait.getHeight());
    assertEquals(0x336699, portrait.getRGB(40, 60) & 0xffffff, "a flat colour stays flat");
  }

  @Test
  void downscalingIsAntialiased() {
    // a one-pixel checkerboard averages to mid grey; point sampling would give black or white
    BufferedImage board = new BufferedImage(292, 292, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 292; y++) {
      for (int x = 0; x < 292; x++) {
        board.setRGB(x, y, (x + y) % 2 == 0 ? 0xffffff : 0);
      }
    }
    BufferedImage small = ImagePreprocessor.clip(64).resize(board);
    int red = (small.getRGB(36, 36) >> 16) & 0xff;
    assertEquals(127.5, red, 6);
  }

  @Test
  void centreCropTakesTheMiddle() {
    BufferedImage image = filled(10, 8, 0);
    image.setRGB(4, 3, 0xff0000); // with crop 4: left = (10-4)/2 = 3, top = (8-4)/2 = 2
    BufferedImage crop =
        new ImagePreprocessor(8, 4, ImagePreprocessor.CLIP_MEAN, ImagePreprocessor.CLIP_STD)
            .centreCrop(image);
    assertEquals(0xff0000, crop.getRGB(1, 1) & 0xffffff);
  }

  @Test
  void normaliseWritesChwWithClipStatistics() {
    ImagePreprocessor p =
        new ImagePreprocessor(2, 2, ImagePreprocessor.CLIP_MEAN, ImagePreprocessor.CLIP_STD);
    BufferedImage image = filled(2, 2, 0);
    image.setRGB(1, 0, 0xffffff);
    float[] chw = p.normalise(image);
    assertEquals(12, chw.length);
    assertEquals(-0.48145466f / 0.26862954f, chw[0], 1e-6); // R plane, pixel (0, 0): black
    assertEquals((1 - 0.48145466f) / 0.26862954f, chw[1], 1e-6); // R plane, pixel (1, 0): white
    assertEquals((1 - 0.4578275f) / 0.26130258f, chw[4 + 1], 1e-6); // G plane
    assertEquals((1 - 0.40821073f) / 0.27577711f, chw[8 + 1], 1e-6); // B plane
  }

  @Test
  void greyImagesBecomeThreeEqualChannels() {
    BufferedImage grey = new BufferedImage(73, 73, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(36, 36, 0, 200);
    float[] chw = ImagePreprocessor.clip(64).apply(grey);
    int plane = 64 * 64;
    int centre = 32 * 64 + 32;
    float r = chw[centre] * 0.26862954f + 0.48145466f;
    float b = chw[2 * plane + centre] * 0.27577711f + 0.40821073f;
    assertEquals(r, b, 1e-5);
  }

  @Test
  void rejectsACropLargerThanTheResize() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ImagePreprocessor(60, 64, ImagePreprocessor.CLIP_MEAN, ImagePreprocessor.CLIP_STD));
  }

  private static BufferedImage filled(int w, int h, int rgb) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    return image;
  }
}
