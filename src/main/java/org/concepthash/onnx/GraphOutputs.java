package org.concepthash.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

/**
 * The two outputs of one run of a {@link ConceptHashGraph} on ONNX Runtime.
 *
 * @param count images in the batch, B
 * @param code (B, K) row-major continuous codes
 * @param attention (B, M, P) row-major concept attention over the patches
 */
public record GraphOutputs(int count, float[] code, float[] attention) {

  /**
   * A direct, native-order buffer for {@code floats} values: ONNX Runtime reads it without a copy.
   */
  public static FloatBuffer directBuffer(int floats) {
    return ByteBuffer.allocateDirect(4 * floats).order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  /** A direct buffer holding {@code values}. */
  public static FloatBuffer directBuffer(float[] values) {
    FloatBuffer buffer = directBuffer(values.length);
    buffer.put(values).rewind();
    return buffer;
  }

  /**
   * Runs {@code session} (thread-safe in ONNX Runtime) on {@code count} images of side {@code
   * imageSize}.
   *
   * @param images direct buffer with count * 3 * S * S normalised CHW values, positioned at 0
   */
  public static GraphOutputs run(OrtSession session, FloatBuffer images, int count, int imageSize)
      throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    long[] shape = {count, 3, imageSize, imageSize};
    try (OnnxTensor input = OnnxTensor.createTensor(env, images, shape);
        OrtSession.Result result = session.run(Map.of(ConceptHashGraph.INPUT, input))) {
      return new GraphOutputs(
          count, floats(result, ConceptHashGraph.CODE), floats(result, ConceptHashGraph.ATTENTION));
    }
  }

  /** The outputs of consecutive parts of one batch, as if it had run in one call. */
  public static GraphOutputs concat(List<GraphOutputs> parts) {
    int count = parts.stream().mapToInt(GraphOutputs::count).sum();
    float[] code = new float[parts.stream().mapToInt(p -> p.code().length).sum()];
    float[] attention = new float[parts.stream().mapToInt(p -> p.attention().length).sum()];
    int codeAt = 0;
    int attentionAt = 0;
    for (GraphOutputs p : parts) {
      System.arraycopy(p.code(), 0, code, codeAt, p.code().length);
      System.arraycopy(p.attention(), 0, attention, attentionAt, p.attention().length);
      codeAt += p.code().length;
      attentionAt += p.attention().length;
    }
    return new GraphOutputs(count, code, attention);
  }

  private static float[] floats(OrtSession.Result result, String name) throws OrtException {
    OnnxValue value =
        result
            .get(name)
            .orElseThrow(() -> new IllegalStateException("the graph has no output " + name));
    FloatBuffer buffer = ((OnnxTensor) value).getFloatBuffer();
    float[] out = new float[buffer.remaining()];
    buffer.get(out);
    return out;
  }
}
