package org.concepthash.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Measures this machine's memory-streaming read bandwidth the way a scan reads: sequential loads of
 * a long array much larger than the last-level cache, on 1..threads threads; the best run counts.
 */
final class MemoryBandwidth {

  /** Written after each measurement so the JIT cannot drop the loads as dead code. */
  private static volatile long blackhole;

  private final long[] data;

  /** Allocates and touches the probe array of about {@code bytes} (kept for later probes). */
  MemoryBandwidth(long bytes) {
    data = new long[(int) Math.min(bytes / 8, Integer.MAX_VALUE - 8)];
    for (int i = 0; i < data.length; i++) {
      data[i] = i * 0x9E3779B97F4A7C15L; // touch every page so the OS maps it before timing
    }
  }

  /**
   * The machine's figure: best read bandwidth in GB/s (10^9 bytes/s) over 1..threads threads, 5
   * passes each.
   */
  double peak(int threads) {
    double best = 0;
    for (int t = 1; t <= threads; t++) {
      best = Math.max(best, best(t, 5));
    }
    return best;
  }

  /** Best read bandwidth in GB/s of {@code passes} passes on exactly {@code threads} threads. */
  double best(int threads, int passes) {
    double best = 0;
    long sink = 0;
    for (int repeat = 0; repeat < passes; repeat++) {
      long start = System.nanoTime();
      sink += sumParallel(data, threads);
      long elapsed = System.nanoTime() - start;
      best = Math.max(best, data.length * 8.0 / elapsed);
    }
    blackhole = sink;
    return best;
  }

  private static long sumParallel(long[] data, int threads) {
    List<CompletableFuture<Long>> parts = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      int from = (int) ((long) data.length * t / threads);
      int to = (int) ((long) data.length * (t + 1) / threads);
      parts.add(CompletableFuture.supplyAsync(() -> sum(data, from, to)));
    }
    long total = sum(data, 0, (int) ((long) data.length / threads));
    for (CompletableFuture<Long> part : parts) {
      total += part.join();
    }
    return total;
  }

  /** Four independent accumulators: the loop is bounded by loads, not by one add chain. */
  private static long sum(long[] data, int from, int to) {
    long a = 0;
    long b = 0;
    long c = 0;
    long d = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      a ^= data[i];
      b ^= data[i + 1];
      c ^= data[i + 2];
      d ^= data[i + 3];
    }
    for (; i < to; i++) {
      a ^= data[i];
    }
    return a ^ b ^ c ^ d;
  }
}
