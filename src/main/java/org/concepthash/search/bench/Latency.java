package org.concepthash.search.bench;

import java.util.Arrays;

/**
 * Milliseconds per query over repeated timed runs: the median (the usual figure) and the best (what the
 * code costs when the shared machine lets it run undisturbed).
 */
record Latency(double medianMs, double bestMs) {

  static Latency of(double[] msPerQuery) {
    double[] sorted = msPerQuery.clone();
    Arrays.sort(sorted);
    return new Latency(sorted[sorted.length / 2], sorted[0]);
  }
}
