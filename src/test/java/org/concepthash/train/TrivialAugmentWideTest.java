package org.concepthash.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.concepthash.train.TrivialAugmentWide.Op;
import org.junit.jupiter.api.Test;

class TrivialAugmentWideTest {

  @Test
  void magnitudeBinZeroLeavesTheImageUnchangedForEveryMagnitudeOperation() {
    BufferedImage image = gradient(24, 20);
    for (Op op :
        new Op[] {
          Op.IDENTITY,
          Op.SHEAR_X,
          Op.SHEAR_Y,
          Op.TRANSLATE_X,
          Op.TRANSLATE_Y,
          Op.ROTATE,
          Op.BRIGHTNESS,
          Op.COLOR,
          Op.CONTRAST,
          Op.SHARPNESS,
          Op.POSTERIZE
        }) {
      assertArrayEquals(
          pixels(image), pixels(TrivialAugmentWide.apply(image, op, 0, false)), op.name());
    }
  }

  @Test
  void translateAtFullMagnitudeShiftsByThirtyTwoPixelsAt224() {
    BufferedImage image = new BufferedImage(224, 224, BufferedImage.TYPE_INT_RGB);
    image.setRGB(10, 5, 0xffffff);
    BufferedImage shifted = TrivialAugmentWide.apply(image, Op.TRANSLATE_X, 30, false);
    assertEquals(0xffffff, shifted.getRGB(42, 5) & 0xffffff);
    assertEquals(0, shifted.getRGB(10, 5) & 0xffffff);
  }

  @Test
  void solarizeAtFullMagnitudeInvertsEveryValue() {
    BufferedImage image = gradient(8, 8);
    int[] in = pixels(image);
    int[] out = pixels(TrivialAugmentWide.apply(image, Op.SOLARIZE, 30, false));
    for (int i = 0; i < in.length; i++) {
      assertEquals(0xffffff - (in[i] & 0xffffff), out[i] & 0xffffff);
    }
  }

  @Test
  void posterizeAtFullMagnitudeKeepsTwoBits() {
    int[] out = pixels(TrivialAugmentWide.apply(gradient(16, 16), Op.POSTERIZE, 30, false));
    for (int p : out) {
      assertEquals(0, p & 0x3f3f3f);
    }
  }

  @Test
  void brightnessDarkensWithNegativeSign() {
    BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xc8c8c8); // 200 -> 200 * (1 - 0.99 * 15/30) = 101
    assertEquals(101, TrivialAugmentWide.apply(image, Op.BRIGHTNESS, 15, true).getRGB(0, 0) & 0xff);
  }

  @Test
  void autoContrastStretchesToTheFullRange() {
    BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0x505050);
    image.setRGB(1, 0, 0xa0a0a0);
    BufferedImage out = TrivialAugmentWide.apply(image, Op.AUTO_CONTRAST, 0, false);
    assertEquals(0x000000, out.getRGB(0, 0) & 0xffffff);
    assertEquals(0xffffff, out.getRGB(1, 0) & 0xffffff);
  }

  @Test
  void sameSeedGivesTheSameAugmentation() {
    BufferedImage image = gradient(32, 32);
    TrivialAugmentWide augment = new TrivialAugmentWide();
    for (long seed = 0; seed < 20; seed++) {
      assertArrayEquals(
          pixels(augment.apply(image, new Random(seed))),
          pixels(augment.apply(image, new Random(seed))));
    }
  }

  private static BufferedImage gradient(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = x * 255 / (w - 1);
        int g = y * 255 / (h - 1);
        image.setRGB(x, y, (r << 16) | (g << 8) | ((r + g) / 2));
      }
    }
    return image;
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }
}
