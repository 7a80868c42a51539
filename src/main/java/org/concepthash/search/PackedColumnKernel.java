package org.concepthash.search;

/**
 * Scans one concept's packed column ({@link ConceptColumn}, 8/16/32-bit lanes, several entries per
 * long).
 *
 * <p>Reading 1/M of the bytes is not enough on its own: the per-entry popcount costs as much as a
 * full 64-bit row's. So once the bound is small, whole words are rejected with SWAR tests on all
 * lanes at once: bound 1 admits only equal sub-codes ("has a zero lane"), bound 2 only sub-codes
 * within one bit ("x AND (x-1) has a zero lane"). Both tests are exact (never reject a candidate);
 * a word that passes is checked lane by lane.
 */
final class PackedColumnKernel extends ScanKernel {

  private final int concept;
  private final int laneBits;
  private final int lanes;
  private final long laneMask;
  private final long laneOnes;
  private final long laneHighs;
  private final long query;

  PackedColumnKernel(int concept, int laneBits, long repeatedQuery) {
    this.concept = concept;
    this.laneBits = laneBits;
    this.lanes = 64 / laneBits;
    this.laneMask = laneBits == 64 ? -1L : (1L << laneBits) - 1;
    long ones = 0;
    for (int offset = 0; offset < 64; offset += laneBits) {
      ones |= 1L << offset;
    }
    this.laneOnes = ones;
    this.laneHighs = ones << (laneBits - 1);
    this.query = repeatedQuery;
  }

  @Override
  void scan(Chunk chunk, int chunkIndex, int from, int to, TopKCollector out, SearchFilter filter) {
    long[] words = chunk.columns[concept].words;
    int bound = out.bound;
    int end = (to + lanes - 1) / lanes;
    for (int w = from / lanes; w < end; w++) {
      // while the bound is small, skip ahead in a one-exit loop of SWAR tests (see RowKernel for
      // why)
      if (bound == 1) {
        w = nextWithZeroLane(words, w, end);
      } else if (bound == 2) {
        w = nextWithLaneWithinOneBit(words, w, end);
      } else if (bound == 0) {
        return;
      }
      if (w < end) {
        bound = scanLanes(chunk, chunkIndex, w, words[w] ^ query, from, to, out, filter, bound);
      }
    }
  }

  /** The first word in {@code [w, end)} with a lane equal to the query's, or {@code end}. */
  private int nextWithZeroLane(long[] words, int w, int end) {
    long q = query; // locals: the JIT keeps them in registers
    long ones = laneOnes;
    long highs = laneHighs;
    for (; w < end; w++) {
      long x = words[w] ^ q;
      if (((x - ones) & ~x & highs) != 0) {
        break;
      }
    }
    return w;
  }

  /**
   * The first word in {@code [w, end)} with a lane at most one bit from the query's, or {@code
   * end}.
   */
  private int nextWithLaneWithinOneBit(long[] words, int w, int end) {
    long q = query;
    long ones = laneOnes;
    long highs = laneHighs;
    for (; w < end; w++) {
      long x = words[w] ^ q;
      long y = x & (x - ones); // a lane with at most one bit set becomes zero
      if (((y - ones) & ~y & highs) != 0) {
        break;
      }
    }
    return w;
  }

  /**
   * Checks every lane of word {@code w} (XORed with the query: {@code x}); returns the new bound.
   */
  private int scanLanes(
      Chunk chunk,
      int chunkIndex,
      int w,
      long x,
      int from,
      int to,
      TopKCollector out,
      SearchFilter filter,
      int bound) {
    int first = w * lanes;
    for (int lane = 0; lane < lanes; lane++) {
      int i = first + lane;
      int d = Long.bitCount((x >>> (lane * laneBits)) & laneMask);
      if (d < bound && i >= from && i < to && passes(filter, chunk, i)) {
        out.offer(d, ref(chunkIndex, i));
        bound = out.bound;
      }
    }
    return bound;
  }
}
