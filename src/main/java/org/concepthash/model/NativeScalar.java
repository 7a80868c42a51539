package org.concepthash.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Scalars as native 0-d arrays. On the PyTorch CPU engine, {@code NDArray.mul(Number)} (and div,
 * pow, maximum, minimum, add, sub with a Number) wraps a Java buffer that is freed at once; when
 * autograd keeps that scalar for the backward pass it reads freed memory and gradients come out
 * wrong (DJL 0.33-0.36). Network and loss code therefore never passes a Java Number to an array
 * operation; it uses these.
 */
public final class NativeScalar {

  private NativeScalar() {}

  /** A float32 0-d array holding {@code value}, owned by {@code manager}. */
  public static NDArray of(NDManager manager, double value) {
    return manager.full(new Shape(), (float) value, DataType.FLOAT32);
  }

  /**
   * A 0-d array of the element type of {@code like} holding {@code value}, owned by its manager.
   */
  public static NDArray like(NDArray like, double value) {
    return like.getManager().full(new Shape(), (float) value, like.getDataType());
  }
}
