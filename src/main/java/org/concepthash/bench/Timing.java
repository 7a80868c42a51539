package org.concepthash.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Time per repetition of a measured call.
 *
 * @param ms median wall-clock milliseconds
 * @param bestMs fastest repetition
 * @param cpuMs process CPU milliseconds per repetition, all threads (on a loaded machine, time
 *     spent waiting for a core does not count): the mean over the repetitions when measured as one
 *     span, as the JVM's process CPU clock is too coarse for millisecond calls; otherwise the
 *     median
 */
public record Timing(double ms, double bestMs, double cpuMs) {

  /** Something to time. */
  @FunctionalInterface
  public interface Body {
    void run() throws Exception;
  }

  /**
   * Runs {@code body} {@code repeats} times (warm up first) and summarises: median and best
   * wall-clock time per call, mean CPU time per call over the whole span.
   */
  public static Timing measure(int repeats, Body body) throws Exception {
    double[] wall = new double[repeats];
    long c0 = processCpuNanos();
    for (int r = 0; r < repeats; r++) {
      long t0 = System.nanoTime();
      body.run();
      wall[r] = (System.nanoTime() - t0) / 1e6;
    }
    double cpu = (processCpuNanos() - c0) / 1e6 / repeats;
    double[] sorted = wall.clone();
    Arrays.sort(sorted);
    return new Timing(sorted[repeats / 2], sorted[0], cpu);
  }

  /** Median, best and median CPU of the given samples. */
  public static Timing of(double[] wall, double[] cpu) {
    double[] w = wall.clone();
    double[] c = cpu.clone();
    Arrays.sort(w);
    Arrays.sort(c);
    return new Timing(w[w.length / 2], w[0], c[c.length / 2]);
  }

  /** CPU time of this process, all threads; -1 where the JVM cannot tell. */
  public static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** The one-minute load average, as {@code uptime} shows it. */
  public static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
