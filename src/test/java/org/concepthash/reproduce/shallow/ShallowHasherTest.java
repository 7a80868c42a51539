package org.concepthash.reproduce.shallow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.concepthash.code.BinaryCodes;
import org.junit.jupiter.api.Test;

class ShallowHasherTest {

  /**
   * Two classes that differ along one axis buried under larger label-free noise: LDA-ITQ puts the
   * classes on opposite codes of its first bit, so every item is nearer its own class than the
   * other.
   */
  @Test
  void ldaItqSeparatesClassesThatPcaWouldMissUnderLargerNoise() {
    Random random = new Random(1);
    int n = 200;
    int d = 6;
    double[][] x = new double[n][d];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      x[i][0] = (labels[i] == 0 ? -1 : 1) + 0.1 * random.nextGaussian();
      for (int j = 1; j < d; j++) {
        x[i][j] = 10 * random.nextGaussian();
      }
    }
    BinaryCodes codes = ShallowHasher.ldaItq(x, labels, 2, 1, 7).encode(x);
    for (int i = 1; i < n; i++) {
      assertEquals(labels[i] == labels[0], codes.bit(i, 0) == codes.bit(0, 0), "item " + i);
    }
  }
}
