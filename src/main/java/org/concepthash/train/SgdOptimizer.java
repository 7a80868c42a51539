package org.concepthash.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concepthash.model.ModelParameter;
import org.concepthash.model.NativeScalar;

/**
 * SGD with momentum and weight decay, PyTorch semantics (not DJL's, which keeps the learning rate
 * inside the momentum buffer and so differs whenever the rate changes):
 *
 * <pre>
 * g = grad + weightDecay * p
 * v = momentum * v + g          (v = g on the first step)
 * p = p - lr * v
 * </pre>
 *
 * Gradients may be clipped to a global L2 norm first. Momentum buffers are part of a checkpoint
 * ({@link #state()} / {@link #restore}) so a resumed run continues exactly.
 */
public final class SgdOptimizer {

  private final List<ModelParameter> parameters;
  private final double momentum;
  private final double weightDecay;
  private final double clipNorm;
  private final Map<String, NDArray> velocity = new LinkedHashMap<>();
  private final NDManager manager;

  /**
   * @param clipNorm clip the global gradient norm to this value; 0 = no clipping
   */
  public SgdOptimizer(
      NDManager manager,
      List<ModelParameter> parameters,
      double momentum,
      double weightDecay,
      double clipNorm) {
    this.manager = manager;
    this.parameters = List.copyOf(parameters);
    this.momentum = momentum;
    this.weightDecay = weightDecay;
    this.clipNorm = clipNorm;
  }

  /**
   * Applies one update with the gradients currently held by the parameters, then zeroes them. Must
   * run outside a gradient collector.
   *
   * @return the global gradient norm before clipping
   */
  public double step(double lr) {
    try (NDManager scope = manager.newSubManager()) {
      double norm = globalNorm(scope);
      double clip = clipNorm > 0 && norm > clipNorm ? clipNorm / (norm + 1e-6) : 1.0;
      NDArray clipScale = NativeScalar.of(scope, clip);
      NDArray decay = NativeScalar.of(scope, weightDecay);
      NDArray mom = NativeScalar.of(scope, momentum);
      NDArray rate = NativeScalar.of(scope, lr);
      for (ModelParameter p : parameters) {
        NDArray w = p.array();
        NDArray grad = gradient(w, scope);
        NDArray g = grad.mul(clipScale).add(w.mul(decay));
        NDArray v = velocity.get(p.name());
        if (v == null) {
          v = g.duplicate();
          v.attach(manager);
          velocity.put(p.name(), v);
        } else {
          v.muli(mom).addi(g);
        }
        w.subi(v.mul(rate));
        grad.subi(grad); // zero in place: the next backward accumulates into this buffer
      }
      return norm;
    }
  }

  private double globalNorm(NDManager scope) {
    double sum = 0;
    for (ModelParameter p : parameters) {
      sum += gradient(p.array(), scope).square().sum().getFloat();
    }
    return Math.sqrt(sum);
  }

  /**
   * The gradient of {@code w} as a wrapper owned by {@code scope}. A parameter the loss never
   * reached reads as zeros (unlike PyTorch, which skips it), so callers freeze what a loss
   * configuration cannot reach.
   */
  private static NDArray gradient(NDArray w, NDManager scope) {
    NDArray grad = w.getGradient();
    grad.attach(
        scope); // the wrapper shares the gradient's storage; closing it frees only the handle
    return grad;
  }

  /** Momentum buffers by parameter name (absent until a parameter's first step). */
  public Map<String, NDArray> state() {
    return java.util.Collections.unmodifiableMap(velocity);
  }

  /** Replaces the momentum buffers, e.g. from a checkpoint; values are copied. */
  public void restore(Map<String, float[]> buffers) {
    velocity.values().forEach(NDArray::close);
    velocity.clear();
    for (ModelParameter p : parameters) {
      float[] values = buffers.get(p.name());
      if (values != null) {
        NDArray v = manager.create(values, p.array().getShape());
        velocity.put(p.name(), v);
      }
    }
  }
}
