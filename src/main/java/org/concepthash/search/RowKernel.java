package org.concepthash.search;

/**
 * Scans full rows: popcount(row XOR query AND mask) per entry. Used for the whole code and for
 * masks of several concepts; for 64-bit codes the loop is one load, xor, popcount and compare per
 * entry.
 */
final class RowKernel extends ScanKernel {

  private final long[] query;
  private final long[] mask;
  private final boolean unmasked;

  RowKernel(long[] query, long[] mask, boolean unmasked) {
    this.query = query;
    this.mask = mask;
    this.unmasked = unmasked;
  }

  @Override
  void scan(Chunk chunk, int chunkIndex, int from, int to, TopKCollector out, SearchFilter filter) {
    if (query.length == 1) {
      if (unmasked) {
        scanOneWord(chunk, chunkIndex, from, to, out, filter, query[0]);
      } else {
        scanOneWordMasked(chunk, chunkIndex, from, to, out, filter, query[0], mask[0]);
      }
    } else {
      scanWords(chunk, chunkIndex, from, to, out, filter);
    }
  }

  // Each scan below is a tight search loop with one exit (the next entry below the bound) around
  // the rare
  // admission: the JIT compiles that loop about twice as fast as one that also calls offer() and
  // may
  // return from inside it.

  private static void scanOneWord(
      Chunk chunk,
      int chunkIndex,
      int from,
      int to,
      TopKCollector out,
      SearchFilter filter,
      long q) {
    long[] rows = chunk.rows;
    int bound = out.bound;
    for (int i = nextBelow(rows, from, to, q, bound);
        i < to;
        i = nextBelow(rows, i + 1, to, q, bound)) {
      if (passes(filter, chunk, i)) {
        out.offer(Long.bitCount(rows[i] ^ q), ref(chunkIndex, i));
        bound = out.bound;
        if (bound == 0) {
          return;
        }
      }
    }
  }

  /** The first slot in {@code [i, to)} at a distance below {@code bound}, or {@code to}. */
  private static int nextBelow(long[] rows, int i, int to, long q, int bound) {
    for (; i < to; i++) {
      if (Long.bitCount(rows[i] ^ q) < bound) {
        break;
      }
    }
    return i;
  }

  /**
   * Whether this kernel scans whole single-word (at most 64-bit) codes, so it can join {@link
   * #scanFour}.
   */
  boolean wholeSingleWord() {
    return unmasked && query.length == 1;
  }

  /**
   * Four queries in one loop over the rows (all {@link #wholeSingleWord()}): each row is loaded
   * once for four popcounts, and one branch covers all four admission tests.
   */
  static void scanFour(
      Chunk chunk,
      int chunkIndex,
      int from,
      int to,
      RowKernel[] kernels,
      TopKCollector[] outs,
      SearchFilter filter) {
    long[] rows = chunk.rows;
    long q0 = kernels[0].query[0];
    long q1 = kernels[1].query[0];
    long q2 = kernels[2].query[0];
    long q3 = kernels[3].query[0];
    int b0 = outs[0].bound;
    int b1 = outs[1].bound;
    int b2 = outs[2].bound;
    int b3 = outs[3].bound;
    for (int i = from; i < to; i++) {
      i = nextBelowAny(rows, i, to, q0, q1, q2, q3, b0, b1, b2, b3);
      if (i < to && passes(filter, chunk, i)) {
        long row = rows[i];
        long ref = ref(chunkIndex, i);
        b0 = offerIfBelow(outs[0], Long.bitCount(row ^ q0), b0, ref);
        b1 = offerIfBelow(outs[1], Long.bitCount(row ^ q1), b1, ref);
        b2 = offerIfBelow(outs[2], Long.bitCount(row ^ q2), b2, ref);
        b3 = offerIfBelow(outs[3], Long.bitCount(row ^ q3), b3, ref);
      }
    }
  }

  /**
   * The first slot in {@code [i, to)} below the bound of any of the four queries, or {@code to}.
   */
  private static int nextBelowAny(
      long[] rows,
      int i,
      int to,
      long q0,
      long q1,
      long q2,
      long q3,
      int b0,
      int b1,
      int b2,
      int b3) {
    for (; i < to; i++) {
      long row = rows[i];
      // non-short-circuit: one branch for four tests
      if (Long.bitCount(row ^ q0) < b0
          | Long.bitCount(row ^ q1) < b1
          | Long.bitCount(row ^ q2) < b2
          | Long.bitCount(row ^ q3) < b3) {
        break;
      }
    }
    return i;
  }

  private static int offerIfBelow(TopKCollector out, int d, int bound, long ref) {
    if (d < bound) {
      out.offer(d, ref);
      return out.bound;
    }
    return bound;
  }

  private static void scanOneWordMasked(
      Chunk chunk,
      int chunkIndex,
      int from,
      int to,
      TopKCollector out,
      SearchFilter filter,
      long q,
      long m) {
    long[] rows = chunk.rows;
    int bound = out.bound;
    for (int i = nextBelowMasked(rows, from, to, q, m, bound);
        i < to;
        i = nextBelowMasked(rows, i + 1, to, q, m, bound)) {
      if (passes(filter, chunk, i)) {
        out.offer(Long.bitCount((rows[i] ^ q) & m), ref(chunkIndex, i));
        bound = out.bound;
        if (bound == 0) {
          return;
        }
      }
    }
  }

  private static int nextBelowMasked(long[] rows, int i, int to, long q, long m, int bound) {
    for (; i < to; i++) {
      if (Long.bitCount((rows[i] ^ q) & m) < bound) {
        break;
      }
    }
    return i;
  }

  private void scanWords(
      Chunk chunk, int chunkIndex, int from, int to, TopKCollector out, SearchFilter filter) {
    long[] rows = chunk.rows;
    int bound = out.bound;
    for (int i = nextBelowWords(rows, from, to, bound);
        i < to;
        i = nextBelowWords(rows, i + 1, to, bound)) {
      if (passes(filter, chunk, i)) {
        out.offer(distance(rows, i), ref(chunkIndex, i));
        bound = out.bound;
        if (bound == 0) {
          return;
        }
      }
    }
  }

  private int nextBelowWords(long[] rows, int i, int to, int bound) {
    for (; i < to; i++) {
      if (distance(rows, i) < bound) {
        break;
      }
    }
    return i;
  }

  private int distance(long[] rows, int i) {
    int wpc = query.length;
    int base = i * wpc;
    int d = 0;
    for (int w = 0; w < wpc; w++) {
      d += Long.bitCount((rows[base + w] ^ query[w]) & mask[w]);
    }
    return d;
  }
}
