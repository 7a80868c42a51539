package org.concepthash.search;

/** Scans one concept wider than 32 bits: {@code wordsPerItem} longs per entry in its own column. */
final class WideColumnKernel extends ScanKernel {

  private final int concept;
  private final long[] query;

  WideColumnKernel(int concept, long[] query) {
    this.concept = concept;
    this.query = query;
  }

  @Override
  void scan(Chunk chunk, int chunkIndex, int from, int to, TopKCollector out, SearchFilter filter) {
    long[] words = chunk.columns[concept].words;
    int perItem = query.length;
    int bound = out.bound;
    for (int i = from; i < to; i++) {
      int base = i * perItem;
      int d = 0;
      for (int t = 0; t < perItem; t++) {
        d += Long.bitCount(words[base + t] ^ query[t]);
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
