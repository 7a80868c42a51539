package org.concepthash.search;

/**
 * How the index spends CPU.
 *
 * @param threads threads one query may use (including the caller's), at least 1
 * @param parallelThreshold index size (entries) from which a query is split over threads; below it
 *     the hand-off costs more than the scan
 */
public record IndexSettings(int threads, int parallelThreshold) {

  public IndexSettings {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    if (parallelThreshold < 0) {
      throw new IllegalArgumentException(
          "parallelThreshold must be >= 0, not " + parallelThreshold);
    }
  }

  /** All available processors, parallel from 256k entries. */
  public static IndexSettings defaults() {
    return new IndexSettings(Runtime.getRuntime().availableProcessors(), 1 << 18);
  }

  /** One thread. */
  public static IndexSettings singleThreaded() {
    return new IndexSettings(1, Integer.MAX_VALUE);
  }
}
