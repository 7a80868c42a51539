package org.concepthash.model;

/**
 * Two linear layers with a non-linearity between: fc2(act(fc1(x))). Shapes: input (..., D), output
 * (..., D). Tensors: {@code fc1} (hidden, D), {@code fc2} (D, hidden).
 */
public final class Mlp {

  private final LinearLayer fc1;
  private final LinearLayer fc2;
  private final Activation activation;

  public Mlp(LinearLayer fc1, Activation activation, LinearLayer fc2) {
    this.fc1 = fc1;
    this.fc2 = fc2;
    this.activation = activation;
  }

  public ai.djl.ndarray.NDArray forward(ai.djl.ndarray.NDArray x) {
    return fc2.forward(activation.apply(fc1.forward(x)));
  }
}
