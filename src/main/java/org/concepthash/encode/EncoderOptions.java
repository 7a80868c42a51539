package org.concepthash.encode;

/**
 * How an {@link Encoder} runs.
 *
 * @param cuda try the CUDA execution provider first (untested on a GPU; GPU build of ONNX Runtime,
 *     CUDA 12 and cuDNN 9 on the library path); falls back to the CPU with one log line when it
 *     cannot be created or its probe codes disagree ({@link Encoder#open})
 * @param threads CPU threads, at least 1: a single image runs with all of them inside one session;
 *     a batch is split into one part per thread ({@link GraphRunner})
 * @param maxBatch images per ONNX Runtime call, at least 1; larger requests are split
 */
public record EncoderOptions(boolean cuda, int threads, int maxBatch) {

  public EncoderOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("encoder threads must be at least 1, not " + threads);
    }
    if (maxBatch < 1) {
      throw new IllegalArgumentException("encoder maxBatch must be at least 1, not " + maxBatch);
    }
  }

  /** CUDA when available, every processor, batches of 32. */
  public static EncoderOptions defaults() {
    return new EncoderOptions(true, Runtime.getRuntime().availableProcessors(), 32);
  }

  /** The CPU only, with {@code threads} threads. */
  public static EncoderOptions cpu(int threads) {
    return new EncoderOptions(false, threads, 32);
  }
}
