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
        scanOneWord(chunk, chunkIndex, from, to, out, filter, query[0], -1L);
      } else {
        scanOneWord(chunk, chunkIndex, from, to, out, filter, query[0], mask[0]);
      }
    } else {
      scanWords(chunk, chunkIndex, from, to, out, filter);
    }
  }

  private static void scanOneWord(
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
