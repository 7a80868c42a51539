package org.concepthash.bench;

import java.util.Arrays;

/**
 * Milliseconds per query over repeated timed runs: the median wall-clock time (the usual figure),
 * the best (what the code costs when the shared machine lets it run undisturbed), and the median
 * CPU time of the searching thread (immune to waiting for a core; only meaningful when one thread
 * does all the work).
 */
record Latency(double medianMs, double bestMs, double cpuMedianMs) {

  static Latency of(double[] wallMs, double[] cpuMs) {
    double[] wall = wallMs.clone();
    double[] cpu = cpuMs.clone();
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new Latency(wall[wall.length / 2], wall[0], cpu[cpu.length / 2]);
  }
}
