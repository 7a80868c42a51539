package org.concepthash.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * All named tensors of one network (and of the training-only heads that share its optimiser), in
 * creation order. Names are dotted paths so that checkpoints, the CLIP import key map and the ONNX
 * exporter can all address a tensor by the same string. Closing the set frees every tensor.
 */
public final class ParameterSet implements AutoCloseable {

  private final NDManager manager;
  private final long seed;
  private final DataType dataType;
  private final Map<String, ModelParameter> parameters = new LinkedHashMap<>();

  /**
   * Creates an empty float32 set whose tensors live on {@code device}; {@code seed} drives every
   * initialiser.
   */
  public ParameterSet(Device device, long seed) {
    this(device, seed, DataType.FLOAT32);
  }

  /** As above with another element type; float64 serves finite-difference gradient checks. */
  public ParameterSet(Device device, long seed, DataType dataType) {
    this.manager = NDManager.newBaseManager(device);
    this.seed = seed;
    this.dataType = dataType;
  }

  public DataType dataType() {
    return dataType;
  }

  public NDManager manager() {
    return manager;
  }

  /** A scope that prefixes every name with {@code prefix + "."}. */
  public ParameterScope scope(String prefix) {
    return new ParameterScope(this, prefix);
  }

  ModelParameter create(String name, Shape shape, ParameterInit init, boolean buffer) {
    if (parameters.containsKey(name)) {
      throw new IllegalArgumentException("parameter " + name + " is defined twice");
    }
    // one generator per name: adding a parameter never changes the values of the others
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode());
    float[] values = init.sample(shape, random);
    ModelParameter p =
        new ModelParameter(name, manager.create(values, shape).toType(dataType, false), buffer);
    p.array().setName(name);
    parameters.put(name, p);
    return p;
  }

  /** The parameter named {@code name}; an unknown name fails and names it. */
  public ModelParameter get(String name) {
    ModelParameter p = parameters.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no parameter named " + name);
    }
    return p;
  }

  public boolean contains(String name) {
    return parameters.containsKey(name);
  }

  /** Every tensor in creation order. */
  public Collection<ModelParameter> all() {
    return Collections.unmodifiableCollection(parameters.values());
  }

  /** The tensors the optimiser updates. */
  public List<ModelParameter> trainable() {
    return parameters.values().stream().filter(ModelParameter::isTrainable).toList();
  }

  /** Tensors whose name starts with {@code prefix}. */
  public List<ModelParameter> withPrefix(String prefix) {
    return parameters.values().stream().filter(p -> p.name().startsWith(prefix)).toList();
  }

  /**
   * Lends every tensor to {@code scope} until it closes, so that results of operations that start
   * from a parameter are freed with the scope instead of accumulating in the set's own manager.
   */
  public void lendTo(NDManager scope) {
    for (ModelParameter p : parameters.values()) {
      p.array().tempAttach(scope);
    }
  }

  /** Number of scalar values in trainable parameters. */
  public long trainableCount() {
    return trainable().stream().mapToLong(p -> p.array().size()).sum();
  }

  @Override
  public void close() {
    manager.close();
  }
}
