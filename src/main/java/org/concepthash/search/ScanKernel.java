package org.concepthash.search;

import org.concepthash.code.ConceptLayout;

/**
 * The inner loop of a search: computes the distance of one prepared query to a range of a chunk's
 * entries and offers those below the collector's bound (and passing the filter) to the collector.
 * Implementations are specialised per layout so the hot loop stays branch-light.
 */
abstract class ScanKernel {

  /**
   * Scans slots {@code [from, to)} of {@code chunk}; returns early once the collector's bound is 0.
   *
   * @param filter null to accept every entry
   */
  abstract void scan(
      Chunk chunk, int chunkIndex, int from, int to, TopKCollector out, SearchFilter filter);

  /** The kernel for a query code restricted to the concepts in {@code conceptMask}. */
  static ScanKernel create(ConceptLayout layout, long[] query, long conceptMask) {
    layout.checkMask(conceptMask);
    if (Long.bitCount(conceptMask) == 1 && layout.concepts() > 1) {
      int m = Long.numberOfTrailingZeros(conceptMask);
      int lane = ConceptColumn.laneBits(layout.width(m));
      long[] words = ConceptColumn.queryWords(layout, m, query);
      return lane < 64 ? new PackedColumnKernel(m, lane, words[0]) : new WideColumnKernel(m, words);
    }
    return new RowKernel(query, layout.bitMask(conceptMask), conceptMask == layout.allConcepts());
  }

  /** Identifies a scanned entry inside one snapshot. */
  static long ref(int chunkIndex, int slot) {
    return (long) chunkIndex << 32 | slot;
  }

  static int chunkOf(long ref) {
    return (int) (ref >>> 32);
  }

  static int slotOf(long ref) {
    return (int) ref;
  }

  static boolean passes(SearchFilter filter, Chunk chunk, int slot) {
    return filter == null
        || filter.accepts(chunk.classIds[slot], chunk.familyIds[slot], chunk.split(slot));
  }
}
