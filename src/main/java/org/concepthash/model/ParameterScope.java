package org.concepthash.model;

import ai.djl.ndarray.types.Shape;

/**
 * A naming prefix inside a {@link ParameterSet}: blocks receive a scope and register their tensors
 * under it, so a block never knows where it sits in the network.
 */
public record ParameterScope(ParameterSet set, String prefix) {

  /** A nested scope, {@code prefix.name}. */
  public ParameterScope child(String name) {
    return new ParameterScope(set, qualify(name));
  }

  /** Registers a trainable parameter. */
  public ModelParameter parameter(String name, Shape shape, ParameterInit init) {
    return set.create(qualify(name), shape, init, false);
  }

  /** Registers a buffer: saved and loaded with the parameters, never trained. */
  public ModelParameter buffer(String name, Shape shape, ParameterInit init) {
    return set.create(qualify(name), shape, init, true);
  }

  private String qualify(String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }
}
