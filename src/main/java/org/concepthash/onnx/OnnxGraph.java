package org.concepthash.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small builder for an ONNX graph over the protobuf classes {@code ai.onnx.proto.OnnxMl}: float32
 * initializers, int64 shape constants, nodes with attributes, typed inputs and outputs. Node
 * outputs get fresh names from a counter; initializer names are checked for uniqueness. A dimension
 * of -1 in an input or output shape is the symbolic batch dimension {@value #BATCH}.
 */
public final class OnnxGraph {

  /** ONNX operator set the graphs target (LayerNormalization needs 17). */
  public static final int OPSET = 17;

  /** IR version that goes with opset 17 (ONNX 1.12). */
  public static final int IR_VERSION = 8;

  /** Name of the symbolic batch dimension. */
  public static final String BATCH = "batch";

  private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
  private final Set<String> names = new HashSet<>();
  private int counter;

  public OnnxGraph(String name) {
    graph.setName(name);
  }

  /** A float32 graph input; -1 marks the batch dimension. Returns its name. */
  public String input(String name, long... shape) {
    graph.addInput(valueInfo(claim(name), shape));
    return name;
  }

  /**
   * Declares node output {@code value} as float32 graph output {@code name}; -1 marks the batch
   * dimension.
   */
  public void output(String value, String name, long... shape) {
    if (!value.equals(name)) {
      graph.addNode(
          OnnxMl.NodeProto.newBuilder()
              .setOpType("Identity")
              .setName(name + "_identity")
              .addInput(value)
              .addOutput(claim(name)));
    }
    graph.addOutput(valueInfo(name, shape));
  }

  /** A float32 initializer holding {@code values} in row-major order. */
  public String constant(String name, float[] values, long... shape) {
    long size = 1;
    for (long d : shape) {
      size *= d;
    }
    if (size != values.length) {
      throw new IllegalArgumentException(
          name + ": " + values.length + " values for shape " + java.util.Arrays.toString(shape));
    }
    ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    graph.addInitializer(tensor(claim(name), OnnxMl.TensorProto.DataType.FLOAT, shape, bytes));
    return name;
  }

  /** A 1-D int64 initializer (shapes, axes, split sizes). */
  public String longs(String name, long... values) {
    ByteBuffer bytes = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asLongBuffer().put(values);
    graph.addInitializer(
        tensor(claim(name), OnnxMl.TensorProto.DataType.INT64, new long[] {values.length}, bytes));
    return name;
  }

  /** Adds a node with one output and returns the output's name. */
  public String op(String type, List<String> inputs, Attribute... attributes) {
    return ops(type, 1, inputs, attributes).get(0);
  }

  /** Adds a node with {@code outputs} outputs and returns their names. */
  public List<String> ops(String type, int outputs, List<String> inputs, Attribute... attributes) {
    String base = type.toLowerCase(java.util.Locale.ROOT) + "_" + counter++;
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < outputs; i++) {
      out.add(claim(outputs == 1 ? base : base + "_" + i));
    }
    OnnxMl.NodeProto.Builder node =
        OnnxMl.NodeProto.newBuilder()
            .setOpType(type)
            .setName(base)
            .addAllInput(inputs)
            .addAllOutput(out);
    for (Attribute a : attributes) {
      node.addAttribute(a.proto());
    }
    graph.addNode(node);
    return out;
  }

  /** The finished model: opset {@value #OPSET}, the given producer and metadata properties. */
  public OnnxMl.ModelProto model(String producerVersion, Map<String, String> metadata) {
    OnnxMl.ModelProto.Builder model =
        OnnxMl.ModelProto.newBuilder()
            .setIrVersion(IR_VERSION)
            .setProducerName("concepthash")
            .setProducerVersion(producerVersion)
            .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
            .setGraph(graph);
    metadata.forEach(
        (k, v) ->
            model.addMetadataProps(
                OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
    return model.build();
  }

  private String claim(String name) {
    if (!names.add(name)) {
      throw new IllegalArgumentException("graph value " + name + " is defined twice");
    }
    return name;
  }

  private static OnnxMl.TensorProto tensor(
      String name, OnnxMl.TensorProto.DataType type, long[] shape, ByteBuffer bytes) {
    OnnxMl.TensorProto.Builder t =
        OnnxMl.TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
    for (long d : shape) {
      t.addDims(d);
    }
    bytes.rewind();
    return t.setRawData(ByteString.copyFrom(bytes)).build();
  }

  private static OnnxMl.ValueInfoProto valueInfo(String name, long[] shape) {
    OnnxMl.TensorShapeProto.Builder dims = OnnxMl.TensorShapeProto.newBuilder();
    for (long d : shape) {
      dims.addDim(
          d < 0
              ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH)
              : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    OnnxMl.TypeProto.Tensor tensor =
        OnnxMl.TypeProto.Tensor.newBuilder()
            .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
            .setShape(dims)
            .build();
    return OnnxMl.ValueInfoProto.newBuilder()
        .setName(name)
        .setType(OnnxMl.TypeProto.newBuilder().setTensorType(tensor))
        .build();
  }

  /** A node attribute. */
  public record Attribute(OnnxMl.AttributeProto proto) {

    public static Attribute ints(String name, long... values) {
      OnnxMl.AttributeProto.Builder a =
          OnnxMl.AttributeProto.newBuilder()
              .setName(name)
              .setType(OnnxMl.AttributeProto.AttributeType.INTS);
      for (long v : values) {
        a.addInts(v);
      }
      return new Attribute(a.build());
    }

    public static Attribute integer(String name, long value) {
      return new Attribute(
          OnnxMl.AttributeProto.newBuilder()
              .setName(name)
              .setType(OnnxMl.AttributeProto.AttributeType.INT)
              .setI(value)
              .build());
    }

    public static Attribute real(String name, float value) {
      return new Attribute(
          OnnxMl.AttributeProto.newBuilder()
              .setName(name)
              .setType(OnnxMl.AttributeProto.AttributeType.FLOAT)
              .setF(value)
              .build());
    }
  }
}
