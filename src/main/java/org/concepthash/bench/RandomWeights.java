package org.concepthash.bench;

import java.util.SplittableRandom;
import org.concepthash.model.ModelParameter;
import org.concepthash.model.ParameterSet;

/**
 * Fills every tensor with random values (adapters and batch-norm statistics included, which start
 * as no-ops), so that a benchmark or parity check exercises every path of the network with
 * non-trivial numbers.
 */
public final class RandomWeights {

  private RandomWeights() {}

  /**
   * Overwrites every tensor of {@code parameters}: half its initial value plus N(0, 1/fan-in)
   * noise.
   */
  public static void fill(ParameterSet parameters, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (ModelParameter p : parameters.all()) {
      float[] v = p.values();
      boolean variance = p.name().endsWith("running_var");
      double std = 1 / Math.sqrt(Math.max(1, lastDim(p)));
      for (int i = 0; i < v.length; i++) {
        v[i] =
            variance
                ? (float) (0.5 + random.nextDouble())
                : (float) (v[i] * 0.5 + random.nextGaussian() * std);
      }
      p.load(v);
    }
  }

  private static long lastDim(ModelParameter p) {
    long[] shape = p.array().getShape().getShape();
    return shape.length < 2 ? 1 : shape[shape.length - 1];
  }
}
