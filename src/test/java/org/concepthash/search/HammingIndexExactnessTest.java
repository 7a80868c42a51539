package org.concepthash.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.concepthash.code.ConceptLayout;
import org.concepthash.data.Split;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every search mode against brute force, on clustered codes with many exact ties. */
class HammingIndexExactnessTest {

  static Stream<Arguments> layouts() {
    return Stream.of(
        Arguments.of(6, 3), //   2-bit concepts, 8-bit lanes
        Arguments.of(16, 4), //  4-bit concepts
        Arguments.of(40, 5), //  8-bit concepts, odd M
        Arguments.of(48, 4), // 12-bit concepts in 16-bit lanes
        Arguments.of(64, 4), // the default: 16-bit concepts
        Arguments.of(64, 1), //  one concept: masks are the whole code
        Arguments.of(100, 4), // 25-bit concepts in 32-bit lanes, straddling words
        Arguments.of(130, 2), // 65-bit concepts: wide columns straddling words
        Arguments.of(256, 4)); // 64-bit wide concepts, four-word rows
  }

  @ParameterizedTest(name = "{0} bits, {1} concepts")
  @MethodSource("layouts")
  void everyMaskFilterAndKMatchesBruteForce(int bits, int concepts) {
    ConceptLayout layout = new ConceptLayout(bits, concepts);
    Random random = new Random(bits * 31L + concepts);
    long[][] centres = BruteForceSearch.centres(random, bits, 6);
    IndexSnapshot snapshot = mutatedSnapshot(layout, random, centres);
    List<IndexEntry> entries = snapshot.entries().toList();

    List<SearchFilter> filters =
        List.of(
            SearchFilter.NONE,
            SearchFilter.NONE.withClass(2),
            SearchFilter.NONE.withFamily(0),
            SearchFilter.NONE.withLabels(SearchFilter.LabelState.LABELLED),
            SearchFilter.NONE.withLabels(SearchFilter.LabelState.UNLABELLED),
            SearchFilter.NONE.withSplit(Split.TRAIN).withLabels(SearchFilter.LabelState.LABELLED));
    long[][] queries = { // five: a batch runs one group of four queries plus one alone
      centres[0].clone(),
      BruteForceSearch.clusteredCode(random, bits, centres),
      BruteForceSearch.randomCode(random, bits),
      BruteForceSearch.clusteredCode(random, bits, centres),
      centres[1].clone()
    };
    int[] ks = {1, 10, 50, entries.size() + 5};

    try (HammingIndex serial = new HammingIndex(snapshot, IndexSettings.singleThreaded());
        HammingIndex parallel = new HammingIndex(snapshot, new IndexSettings(3, 0))) {
      for (long mask = 1; mask <= layout.allConcepts(); mask++) {
        for (SearchFilter filter : filters) {
          for (int k : ks) {
            List<SearchResult> batch = parallel.topK(queries, k, mask, filter);
            for (int q = 0; q < queries.length; q++) {
              List<SearchHit> expected =
                  BruteForceSearch.topK(layout, entries, queries[q], k, mask, filter);
              String what =
                  "mask " + Long.toBinaryString(mask) + " " + filter + " k " + k + " q " + q;
              assertEquals(expected, serial.topK(queries[q], k, mask, filter).hits(), what);
              assertEquals(expected, parallel.topK(queries[q], k, mask, filter).hits(), what);
              assertEquals(expected, batch.get(q).hits(), "batch " + what);
            }
          }
        }
      }
    }
  }

  /**
   * About 400 entries in chunks of 64, built in id order, then grown out of order (chunk splits),
   * shrunk and updated, so the scan meets full, split and uneven chunks.
   */
  private static IndexSnapshot mutatedSnapshot(
      ConceptLayout layout, Random random, long[][] centres) {
    IndexSnapshot.Builder builder = IndexSnapshot.builder("v1", layout, 64);
    List<Long> ids = new ArrayList<>();
    long id = 0;
    for (int i = 0; i < 300; i++) {
      id += 2 + random.nextInt(3); // gaps leave room for out-of-order inserts
      builder.add(BruteForceSearch.randomEntry(random, id, layout.bits(), centres));
      ids.add(id);
    }
    IndexSnapshot snapshot = builder.build();
    for (int i = 0; i < 150; i++) {
      long fresh = random.nextBoolean() ? ids.get(random.nextInt(ids.size())) + 1 : id + 1 + i;
      if (snapshot.get(fresh).isEmpty()) {
        snapshot =
            snapshot.withAdded(BruteForceSearch.randomEntry(random, fresh, layout.bits(), centres));
        ids.add(fresh);
      }
    }
    for (int i = 0; i < 50; i++) {
      snapshot = snapshot.withRemoved(ids.remove(random.nextInt(ids.size())));
    }
    for (int i = 0; i < 50; i++) {
      long target = ids.get(random.nextInt(ids.size()));
      snapshot =
          snapshot.withUpdated(
              BruteForceSearch.randomEntry(random, target, layout.bits(), centres));
    }
    assertEquals(ids.size(), snapshot.size());
    assertEquals(
        ids.stream().sorted().toList(),
        snapshot.entries().map(IndexEntry::imageId).sorted(Comparator.naturalOrder()).toList());
    return snapshot;
  }
}
