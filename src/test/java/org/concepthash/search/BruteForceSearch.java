package org.concepthash.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.concepthash.code.BinaryCodes;
import org.concepthash.code.ConceptLayout;
import org.concepthash.data.Split;

/** The obviously-correct reference: distance to every entry, filter, full sort, first k. */
final class BruteForceSearch {

  private BruteForceSearch() {}

  static List<SearchHit> topK(
      ConceptLayout layout,
      List<IndexEntry> entries,
      long[] query,
      int k,
      long conceptMask,
      SearchFilter filter) {
    List<SearchHit> all = new ArrayList<>();
    for (IndexEntry e : entries) {
      if (!filter.accepts(e.classId(), e.familyId(), e.split())) {
        continue;
      }
      int[] perConcept = new int[layout.concepts()];
      int distance = 0;
      for (int m = 0; m < layout.concepts(); m++) {
        for (int j = layout.start(m); j < layout.end(m); j++) {
          if (bit(query, j) != bit(e.code(), j)) {
            perConcept[m]++;
          }
        }
        if ((conceptMask >>> m & 1) != 0) {
          distance += perConcept[m];
        }
      }
      all.add(new SearchHit(e.imageId(), distance, perConcept));
    }
    all.sort(Comparator.comparingInt(SearchHit::distance).thenComparingLong(SearchHit::imageId));
    return all.subList(0, Math.min(k, all.size()));
  }

  private static boolean bit(long[] code, int j) {
    return (code[j >>> 6] >>> (j & 63) & 1) != 0;
  }

  /**
   * A code near one of a few centres (a handful of flipped bits), so many entries share distances
   * and many are exact duplicates.
   */
  static long[] clusteredCode(Random random, int bits, long[][] centres) {
    long[] code = centres[random.nextInt(centres.length)].clone();
    int flips = random.nextInt(3);
    for (int f = 0; f < flips; f++) {
      int j = random.nextInt(bits);
      code[j >>> 6] ^= 1L << (j & 63);
    }
    return code;
  }

  static long[] randomCode(Random random, int bits) {
    long[] code = new long[BinaryCodes.wordsPerCode(bits)];
    for (int w = 0; w < code.length; w++) {
      code[w] = random.nextLong();
    }
    code[code.length - 1] &= ~BinaryCodes.paddingMask(bits);
    return code;
  }

  static long[][] centres(Random random, int bits, int count) {
    long[][] centres = new long[count][];
    for (int c = 0; c < count; c++) {
      centres[c] = randomCode(random, bits);
    }
    return centres;
  }

  static IndexEntry randomEntry(Random random, long imageId, int bits, long[][] centres) {
    int classId = random.nextInt(5) - 1; // -1 = unlabelled
    int familyId = classId < 0 ? IndexEntry.NONE : classId / 2;
    Split split = Split.values()[random.nextInt(Split.values().length)];
    return new IndexEntry(imageId, classId, familyId, split, clusteredCode(random, bits, centres));
  }
}
