package org.concepthash.encode;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.concepthash.onnx.GraphOutputs;

/**
 * Runs the graph for an {@link Encoder}. A single image runs on the main session with all its
 * threads. On the CPU with T > 1 threads a batch is split into up to T parts that run at the same
 * time, each on one thread of a second, single-threaded session: the graph's many small operators
 * (layer norms, adds and transposes at width 128) gain little from a second thread inside one run
 * (tiny geometry, batch 32: 1.2x), while independent parts gain almost fully (1.65x;
 * docs/benchmarks.md "Encoding"). The price is a second copy of the weights in memory.
 */
final class GraphRunner implements AutoCloseable {

  private final OrtSession session;
  private final OrtSession perThread;
  private final ExecutorService helpers;
  private final int parts;
  private final int imageSize;

  /**
   * @param perThread a single-threaded session of the same graph, or null to never split
   * @param parts parts a batch is split into at most (the CPU threads)
   */
  GraphRunner(OrtSession session, OrtSession perThread, int parts, int imageSize) {
    this.session = session;
    this.perThread = perThread;
    this.parts = perThread == null ? 1 : Math.max(1, parts);
    this.imageSize = imageSize;
    this.helpers =
        this.parts > 1 ? Executors.newFixedThreadPool(this.parts - 1, daemonThreads()) : null;
  }

  /**
   * Runs {@code count} normalised images, (count, 3, S, S) CHW in a direct buffer positioned at 0.
   */
  GraphOutputs run(FloatBuffer images, int count) throws IOException {
    int n = Math.min(parts, count);
    if (n <= 1) {
      return run(session, images, count);
    }
    int pixels = 3 * imageSize * imageSize;
    int[] starts =
        new int[n + 1]; // part p holds images [starts[p], starts[p + 1]); sizes differ by at most 1
    for (int p = 0; p < n; p++) {
      starts[p + 1] = starts[p] + count / n + (p < count % n ? 1 : 0);
    }
    List<Future<GraphOutputs>> others = new ArrayList<>(n - 1);
    for (int p = 1; p < n; p++) {
      int size = starts[p + 1] - starts[p];
      FloatBuffer part = images.slice(starts[p] * pixels, size * pixels);
      others.add(helpers.submit(() -> run(perThread, part, size)));
    }
    List<GraphOutputs> outputs = new ArrayList<>(n);
    outputs.add(
        run(perThread, images.slice(0, starts[1] * pixels), starts[1])); // the caller's share
    for (Future<GraphOutputs> other : others) {
      outputs.add(join(other, count));
    }
    return GraphOutputs.concat(outputs);
  }

  private GraphOutputs run(OrtSession s, FloatBuffer images, int count) throws IOException {
    try {
      return GraphOutputs.run(s, images, count, imageSize);
    } catch (OrtException e) {
      throw new IOException(
          "ONNX Runtime failed to encode " + count + " images: " + e.getMessage(), e);
    }
  }

  private static GraphOutputs join(Future<GraphOutputs> part, int count) throws IOException {
    try {
      return part.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while encoding " + count + " images", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(
          "encoding a part of " + count + " images failed", e.getCause());
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger created = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "encoder-part-" + created.incrementAndGet());
      t.setDaemon(true); // never keeps the JVM alive
      return t;
    };
  }

  @Override
  public void close() {
    if (helpers != null) {
      helpers.shutdownNow();
    }
    close(session);
    if (perThread != null) {
      close(perThread);
    }
  }

  /** Closes one session; a failure to close is a bug, not an I/O condition. */
  static void close(OrtSession session) {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("closing the ONNX Runtime session failed", e);
    }
  }
}
