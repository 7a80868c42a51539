package org.concepthash.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/** Very small configurations and inputs shared by the model tests. */
public final class TestNets {

  private TestNets() {}

  /** 16 px, patch 4 (16 patches), width 16, 2 layers, 2 heads; M = 2, K = 8. */
  public static ConceptHashConfig micro(ConceptTokenMode mode) {
    return micro(mode, ConceptAttention.TOWER);
  }

  /**
   * {@link #micro(ConceptTokenMode)} with the concept tokens looking where {@code attention} says.
   */
  public static ConceptHashConfig micro(ConceptTokenMode mode, ConceptAttention attention) {
    return new ConceptHashConfig(
        new VitGeometry(16, 4, 16, 2, 2, 32), 2, 8, mode, attention, 4, 8, 2, 0.1f);
  }

  /** Images with values drawn from N(0, 1), shape (B, 3, S, S). */
  public static NDArray images(NDManager manager, int batch, int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[batch * 3 * size * size];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return manager.create(values, new Shape(batch, 3, size, size));
  }
}
