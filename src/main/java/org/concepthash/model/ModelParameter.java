package org.concepthash.model;

import ai.djl.ndarray.NDArray;

/**
 * One named tensor of a network. Parameters may be trained; buffers (batch-norm statistics, fixed
 * text embeddings, random centres) never are. A parameter is frozen when pretrained weights are
 * loaded into it.
 */
public final class ModelParameter {

  private final String name;
  private final NDArray array;
  private final boolean buffer;
  private boolean trainable;

  ModelParameter(String name, NDArray array, boolean buffer) {
    this.name = name;
    this.array = array;
    this.buffer = buffer;
    setTrainable(!buffer);
  }

  /** Dotted name, e.g. {@code vision.layers.0.attn.q_proj.weight}. */
  public String name() {
    return name;
  }

  /** The live values; updated in place by the optimiser and by imports. */
  public NDArray array() {
    return array;
  }

  public boolean isBuffer() {
    return buffer;
  }

  public boolean isTrainable() {
    return trainable;
  }

  /** Freezes or unfreezes the parameter; buffers cannot be made trainable. */
  public void setTrainable(boolean trainable) {
    if (trainable && buffer) {
      throw new IllegalArgumentException(name + " is a buffer and cannot be trained");
    }
    this.trainable = trainable;
    array.setRequiresGradient(trainable);
  }

  /** Overwrites the values (same shape), keeping the identity of the array. */
  public void load(float[] values) {
    if (values.length != array.size()) {
      throw new IllegalArgumentException(
          name
              + ": expected "
              + array.size()
              + " values for shape "
              + array.getShape()
              + ", got "
              + values.length);
    }
    array.set(values);
  }

  public float[] values() {
    return array.toFloatArray();
  }

  @Override
  public String toString() {
    return name + array.getShape() + (buffer ? " buffer" : trainable ? " trainable" : " frozen");
  }
}
