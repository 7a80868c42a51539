package org.concepthash.search;

import java.util.Arrays;

/**
 * Keeps the k smallest (distance, scan position) candidates of one query over one scan without
 * sorting: a histogram of the buffered distances gives the admission bound.
 *
 * <p>Candidates must be offered in scan order (ascending image id). Let t be the smallest distance
 * such that k buffered candidates lie at distance &le; t. Every later candidate at distance &ge; t
 * has a larger id than those k, so it can never enter the top k: the scan admits only distance &lt;
 * {@link #bound} = t (the bound starts at maxDistance + 1 and only falls). A bound of 0 means the
 * top k are final.
 */
final class TopKCollector {

  private final int k;
  private final int[] countAt;
  private int[] distances;
  private long[] refs;
  private int size;

  /** Candidates must have a distance below this; read by the scan loop after every offer. */
  int bound;

  TopKCollector(int k, int maxDistance) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, not " + k);
    }
    this.k = k;
    this.countAt = new int[maxDistance + 1];
    this.bound = maxDistance + 1;
    int capacity = (int) Math.min(2L * k, Integer.MAX_VALUE - 8);
    this.distances = new int[Math.min(capacity, 1024)];
    this.refs = new long[distances.length];
  }

  /** Adds a candidate with {@code distance < bound}; {@code ref} identifies it to the caller. */
  void offer(int distance, long ref) {
    if (size == distances.length) {
      compact();
      if (size == distances.length) { // only while fewer than k candidates are known
        grow();
      }
    }
    distances[size] = distance;
    refs[size] = ref;
    size++;
    countAt[distance]++;
    int cumulative = 0;
    for (int t = 0; t < bound; t++) {
      cumulative += countAt[t];
      if (cumulative >= k) {
        bound = t;
        break;
      }
    }
  }

  /** Number of candidates kept after {@link #compact()}: at most k. */
  int size() {
    return size;
  }

  int distance(int i) {
    return distances[i];
  }

  long ref(int i) {
    return refs[i];
  }

  /**
   * Drops candidates that can no longer be in the top k: keeps every candidate below the bound and,
   * at the bound itself, only the earliest ones up to k in all. Afterwards {@code size() <= k}.
   */
  void compact() {
    int below = 0;
    for (int t = 0; t < Math.min(bound, countAt.length); t++) {
      below += countAt[t];
    }
    int atBoundAllowed = k - below;
    Arrays.fill(countAt, 0);
    int kept = 0;
    for (int i = 0; i < size; i++) {
      int d = distances[i];
      if (d < bound || d == bound && atBoundAllowed-- > 0) {
        distances[kept] = d;
        refs[kept] = refs[i];
        countAt[d]++;
        kept++;
      }
    }
    size = kept;
  }

  private void grow() {
    int capacity = (int) Math.min(Math.max(2L * distances.length, 16), Integer.MAX_VALUE - 8);
    distances = Arrays.copyOf(distances, capacity);
    refs = Arrays.copyOf(refs, capacity);
  }
}
