package org.concepthash.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.concepthash.onnx.OnnxGraph;

/**
 * This machine's fp32 matrix-multiply rate through ONNX Runtime: one n x n by n x n MatMul graph
 * with the encoder's thread count; the best repetition counts as the peak.
 *
 * @param gflops best wall-clock GFLOP/s
 * @param cpuGflops best GFLOP per CPU-second of the process
 */
record GemmPeak(double gflops, double cpuGflops) {

  static GemmPeak measure(int n, int threads, int repeats) throws Exception {
    SplittableRandom random = new SplittableRandom(1);
    float[] a = new float[n * n];
    float[] b = new float[n * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) random.nextGaussian();
      b[i] = (float) random.nextGaussian();
    }
    OnnxGraph g = new OnnxGraph("gemm");
    String x = g.input("a", n, n);
    g.output(g.op("MatMul", List.of(x, g.constant("b", b, n, n))), "c", n, n);
    byte[] onnx = g.model("bench", Map.of()).toByteArray();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      try (OrtSession session = env.createSession(onnx, options);
          OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(a), new long[] {n, n})) {
        Timing.Body once =
            () -> {
              try (OrtSession.Result r = session.run(Map.of("a", input))) {
                r.get(0);
              }
            };
        once.run();
        double flops = 2.0 * n * n * n;
        double best = 0;
        double bestCpu = 0;
        for (int r = 0; r < repeats; r++) {
          Timing t = Timing.measure(1, once);
          best = Math.max(best, flops / (t.ms() * 1e6));
          bestCpu = Math.max(bestCpu, flops / (t.cpuMs() * 1e6));
        }
        return new GemmPeak(best, bestCpu);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime MatMul failed: " + e.getMessage(), e);
    }
  }
}
