package org.concepthash.encode;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates ONNX Runtime sessions: with the CUDA provider when asked and available (untested on a
 * GPU), otherwise on the CPU. The GPU build of ONNX Runtime lists CUDA as available even without a
 * GPU, so the real test is adding the provider; when that throws, a fresh CPU {@code
 * SessionOptions} is used (a half-configured one is not reused) and the reason is logged once per
 * process.
 */
final class SessionFactory {

  private static final Logger LOG = LoggerFactory.getLogger(SessionFactory.class);
  private static final AtomicBoolean FALLBACK_LOGGED = new AtomicBoolean();

  /**
   * An open session and where it runs.
   *
   * @param device "CUDA:0" or "CPU (n threads)"
   * @param fallbackReason why CUDA was not used although requested; null when CUDA runs or was not
   *     asked for
   */
  record Opened(OrtSession session, String device, String fallbackReason) {
    boolean cuda() {
      return device.startsWith("CUDA");
    }
  }

  private SessionFactory() {}

  static Opened open(byte[] onnx, EncoderOptions options) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    String reason = null;
    if (options.cuda()) {
      OrtSession.SessionOptions cuda = configured(options.threads());
      try {
        cuda.addCUDA(0);
        return new Opened(env.createSession(onnx, cuda), "CUDA:0", null);
      } catch (OrtException | UnsatisfiedLinkError e) {
        reason = e.getMessage();
        if (FALLBACK_LOGGED.compareAndSet(false, true)) {
          LOG.warn(
              "CUDA execution provider unavailable, encoding on the CPU with {} threads: {}",
              options.threads(),
              reason);
        } else {
          LOG.debug("CUDA execution provider unavailable: {}", reason);
        }
      } finally {
        cuda.close();
      }
    }
    return new Opened(
        cpu(onnx, options.threads()), "CPU (" + options.threads() + " threads)", reason);
  }

  /** A session on the CPU provider with {@code threads} intra-op threads. */
  static OrtSession cpu(byte[] onnx, int threads) throws OrtException {
    try (OrtSession.SessionOptions cpu = configured(threads)) {
      return OrtEnvironment.getEnvironment().createSession(onnx, cpu);
    }
  }

  private static OrtSession.SessionOptions configured(int threads) throws OrtException {
    OrtSession.SessionOptions o = new OrtSession.SessionOptions();
    o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
    o.setIntraOpNumThreads(threads);
    o.setInterOpNumThreads(1);
    return o;
  }
}
