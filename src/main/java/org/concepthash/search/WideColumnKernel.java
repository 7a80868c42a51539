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
    int bound = out.bound;
    // a one-exit search loop around the rare admission, as in RowKernel
    for (int i = nextBelow(words, from, to, bound);
        i < to;
        i = nextBelow(words, i + 1, to, bound)) {
      if (passes(filter, chunk, i)) {
        out.offer(distance(words, i), ref(chunkIndex, i));
        bound = out.bound;
        if (bound == 0) {
          return;
        }
      }
    }
  }

  private int nextBelow(long[] words, int i, int to, int bound) {
    for (; i < to; i++) {
      if (distance(words, i) < bound) {
        break;
      }
    }
    return i;
  }

  private int distance(long[] words, int i) {
    int perItem = query.length;
    int base = i * perItem;
    int d = 0;
    for (int t = 0; t < perItem; t++) {
      d += Long.bitCount(words[base + t] ^ query[t]);
    }
    return d;
  }
}
