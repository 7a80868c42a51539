package org.concepthash.model;

import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.function.Supplier;

/**
 * Compares autograd gradients with central finite differences. Use float64 arrays: in float32 the
 * differences are dominated by rounding.
 */
public final class FiniteDifference {

  private static final double STEP = 1e-6;

  private FiniteDifference() {}

  /**
   * Checks d f / d x for every element of every array in {@code inputs} (at most {@code perInput}
   * elements each, spread over the array). {@code f} must return a float64 scalar and be
   * deterministic.
   */
  public static void check(List<NDArray> inputs, Supplier<NDArray> f, int perInput) {
    for (NDArray x : inputs) {
      if (x.getDataType() != DataType.FLOAT64) {
        throw new IllegalArgumentException(
            "finite differences need float64 inputs, got " + x.getDataType());
      }
      x.setRequiresGradient(true);
    }
    double[][] analytic = new double[inputs.size()][];
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      collector.backward(f.get());
    }
    for (int k = 0; k < inputs.size(); k++) {
      analytic[k] = inputs.get(k).getGradient().toDoubleArray();
    }
    for (int k = 0; k < inputs.size(); k++) {
      NDArray x = inputs.get(k);
      double[] values = x.toDoubleArray();
      int stride = Math.max(1, values.length / perInput);
      for (int i = 0; i < values.length; i += stride) {
        double original = values[i];
        values[i] = original + STEP;
        x.set(values);
        double plus = f.get().getDouble();
        values[i] = original - STEP;
        x.set(values);
        double minus = f.get().getDouble();
        values[i] = original;
        x.set(values);
        double numeric = (plus - minus) / (2 * STEP);
        double a = analytic[k][i];
        if (Math.abs(a - numeric) > 1e-6 + 1e-4 * Math.abs(numeric)) {
          fail(
              "input "
                  + k
                  + " element "
                  + i
                  + ": autograd "
                  + a
                  + " vs finite difference "
                  + numeric);
        }
      }
    }
  }
}
