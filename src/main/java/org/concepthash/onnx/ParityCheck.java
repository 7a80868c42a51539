package org.concepthash.onnx;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.concepthash.model.ConceptHashNet;
import org.concepthash.model.ConceptHashOutput;
import org.concepthash.model.ParameterSet;

/**
 * Runs the DJL network and its exported graph (ONNX Runtime, CPU) on the same inputs and compares
 * them.
 */
public final class ParityCheck {

  private ParityCheck() {}

  /** The DJL network's eval-mode outputs, as the graph reports them. */
  public static GraphOutputs reference(
      ConceptHashNet net, ParameterSet parameters, float[] images, int count) {
    int s = net.config().geometry().imageSize();
    try (NDManager scope = parameters.manager().newSubManager()) {
      parameters.lendTo(scope);
      ConceptHashOutput out = net.forward(scope.create(images, new Shape(count, 3, s, s)), false);
      return new GraphOutputs(count, out.code().toFloatArray(), out.attention().toFloatArray());
    }
  }

  /** The graph's outputs on a CPU session with {@code threads} intra-op threads. */
  public static GraphOutputs exported(
      byte[] onnx, float[] images, int count, int imageSize, int threads) throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      try (OrtSession session = OrtEnvironment.getEnvironment().createSession(onnx, options)) {
        return GraphOutputs.run(session, GraphOutputs.directBuffer(images), count, imageSize);
      }
    }
  }

  /** Compares {@code actual} with {@code reference} (see {@link ParityReport}). */
  public static ParityReport compare(GraphOutputs reference, GraphOutputs actual) {
    if (reference.code().length != actual.code().length
        || reference.attention().length != actual.attention().length) {
      throw new IllegalArgumentException(
          "output sizes differ: code "
              + reference.code().length
              + " vs "
              + actual.code().length
              + ", attention "
              + reference.attention().length
              + " vs "
              + actual.attention().length);
    }
    double code = 0;
    int confident = 0;
    int flipped = 0;
    for (int i = 0; i < reference.code().length; i++) {
      float r = reference.code()[i];
      float a = actual.code()[i];
      code = Math.max(code, Math.abs(r - a));
      if (Math.abs(r) > ParityReport.BIT_MARGIN) {
        confident++;
        if ((r > 0) != (a > 0)) {
          flipped++;
        }
      }
    }
    double attention = 0;
    for (int i = 0; i < reference.attention().length; i++) {
      attention = Math.max(attention, Math.abs(reference.attention()[i] - actual.attention()[i]));
    }
    // Math.max propagates NaN, so a NaN output fails the check instead of vanishing
    return new ParityReport(reference.count(), code, attention, confident, flipped);
  }
}
