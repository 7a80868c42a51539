package org.concepthash.model;

import ai.djl.ndarray.NDArray;

/** The element-wise non-linearities the network uses. */
public enum Activation {
  /** CLIP's x * sigmoid(1.702 x). */
  QUICK_GELU {
    @Override
    public NDArray apply(NDArray x) {
      return x.mul(ai.djl.nn.Activation.sigmoid(x.mul(NativeScalar.like(x, 1.702))));
    }
  },
  /** The exact GELU, x * Phi(x), via erf (adapters). */
  GELU_ERF {
    @Override
    public NDArray apply(NDArray x) {
      return ai.djl.nn.Activation.gelu(x);
    }
  },
  RELU {
    @Override
    public NDArray apply(NDArray x) {
      return ai.djl.nn.Activation.relu(x);
    }
  };

  public abstract NDArray apply(NDArray x);
}
