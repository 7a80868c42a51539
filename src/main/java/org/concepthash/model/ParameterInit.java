package org.concepthash.model;

import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * How a parameter's first values are drawn. Values come from a Java generator seeded per parameter
 * name, so initialisation is reproducible and independent of the engine's random state and of other
 * parameters.
 */
@FunctionalInterface
public interface ParameterInit {

  /** Values for {@code shape}, row-major. */
  float[] sample(Shape shape, SplittableRandom random);

  static ParameterInit constant(float value) {
    return (shape, random) -> {
      float[] v = new float[Math.toIntExact(shape.size())];
      java.util.Arrays.fill(v, value);
      return v;
    };
  }

  static ParameterInit zeros() {
    return constant(0f);
  }

  static ParameterInit ones() {
    return constant(1f);
  }

  /** N(0, std^2). */
  static ParameterInit normal(double std) {
    return (shape, random) -> {
      float[] v = new float[Math.toIntExact(shape.size())];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (gaussian(random) * std);
      }
      return v;
    };
  }

  /** U(-bound, bound). */
  static ParameterInit uniform(double bound) {
    return (shape, random) -> {
      float[] v = new float[Math.toIntExact(shape.size())];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
      }
      return v;
    };
  }

  /**
   * PyTorch's default for Linear/Conv weights, kaiming_uniform(a = sqrt(5)): U(-1/sqrt(fanIn),
   * 1/sqrt(fanIn)). Also the default bias init.
   */
  static ParameterInit pytorchDefault(long fanIn) {
    return uniform(1.0 / Math.sqrt(fanIn));
  }

  /** Random +-1 values with equal probability. */
  static ParameterInit randomSigns() {
    return (shape, random) -> {
      float[] v = new float[Math.toIntExact(shape.size())];
      for (int i = 0; i < v.length; i++) {
        v[i] = random.nextBoolean() ? 1f : -1f;
      }
      return v;
    };
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
