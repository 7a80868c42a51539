package org.concepthash.search;

/**
 * Scans full rows: popcount(row XOR query AND mask) per entry. Used for the whole code and for masks of
 * several concepts; for 64-bit codes the loop is one load, xor, popcount and compare per entry.
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

  private static void scanOneWord(
      Chunk chunk, int chunkIndex, int from, int to, TopKCollector out, SearchFilter filter, long q) {
    long[] rows = chunk.rows;
    int bound = out.bound;
    for (int i = from; i < to; i++) {
      int d = Long.bitCount(rows[i] ^ q);
      if (d < bound && passes(filter, chunk, i)) {
        out.offer(d, ref(chunkIndex, i));
        bound = out.bound;
        if (bound == 0) {
          return;
        }
      }
    }
  }

  /** Whether this kernel scans whole single-word (at most 64-bit) codes, so it can join {@link #scanFour}. */
  boolean wholeSingleWord() {
    return unmasked && query.length == 1;
  }

  /**
   * Four queries in one loop over the rows (all {@link #wholeSingleWord()}): each row is loaded once for
   * four popcounts, and one branch covers all four admission tests.
   */
  static void scanFour(
      Chunk chunk, int chunkIndex, int from, int to, RowKernel[] kernels, TopKCollector[] outs, SearchFilter filter) {
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
      long row = rows[i];
      int d0 = Long.bitCount(row ^ q0);
      int d1 = Long.bitCount(row ^ q1);
      int d2 = Long.bitCount(row ^ q2);
      int d3 = Long.bitCount(row ^ q3);
      if (d0 < b0 | d1 < b1 | d2 < b2 | d3 < b3) { // non-short-circuit: one branch for four tests
        if (passes(filter, chunk, i)) {
          long ref = ref(chunkIndex, i);
          b0 = offerIfBelow(outs[0], d0, b0, ref);
          b1 = offerIfBelow(outs[1], d1, b1, ref);
          b2 = offerIfBelow(outs[2], d2, b2, ref);
          b3 = offerIfBelow(outs[3], d3, b3, ref);
        }
      }
    }
  }

  private static int offerIfBelow(TopKCollector out, int d, int bound, long ref) {
    if (d < bound) {
      out.offer(d, ref);
      return out.bound;
    }
    return bound;
  }

  private static void scanOneWordMasked(
      Chunk chunk, int chunkIndex, int from, int to, TopKCollector out, SearchFilter filter, long q, long m) {
    long[] rows = chunk.rows;
    int bound = out.bound;
    for (int i = from; i < to; i++) {
      int d = Long.bitCount((rows[i] ^ q) & m);
      if (d < bound && passes(filter, chunk, i)) {
        out.offer(d, ref(chunkIndex, i));
        bound = out.bound;
        if (bound == 0) {
          return;
        }
      }
    }
  }

  private void scanWords(
      Chunk chunk, int chunkIndex, int from, int to, TopKCollector out, SearchFilter filter) {
    long[] rows = chunk.rows;
    int wpc = query.length;
    int bound = out.bound;
    for (int i = from; i < to; i++) {
      int base = i * wpc;
      int d = 0;
      for (int w = 0; w < wpc; w++) {
        d += Long.bitCount((rows[base + w] ^ query[w]) & mask[w]);
      }
      if (d < bound && passes(filter, chunk, i)) {
        out.offer(d, ref(chunkIndex, i));
        bound = out.bound;
        if (bound == 0) {
          return;
        }
      }
    }
  }
}
