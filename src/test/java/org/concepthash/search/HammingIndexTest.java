package org.concepthash.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.concepthash.code.ConceptLayout;
import org.concepthash.data.Split;
import org.junit.jupiter.api.Test;

class HammingIndexTest {

  private static final ConceptLayout LAYOUT = new ConceptLayout(64, 4);
  private static final long ALL = LAYOUT.allConcepts();

  private static IndexEntry entry(long id, long code) {
    return new IndexEntry(id, 1, 0, Split.TRAIN, new long[] {code});
  }

  @Test
  void anAddedEntryIsFoundAndARemovedOneIsNot() {
    try (HammingIndex index =
        new HammingIndex(IndexSnapshot.empty("v1", LAYOUT), IndexSettings.singleThreaded())) {
      index.add("v1", entry(7, 0xFFL));
      index.add("v1", entry(3, 0xF0L));
      assertEquals(
          List.of(3L, 7L),
          index.topK(new long[] {0xF0L}, 5, ALL, SearchFilter.NONE).hits().stream()
              .map(SearchHit::imageId)
              .toList());

      assertTrue(index.remove(3));
      assertFalse(index.remove(3));
      List<SearchHit> hits = index.topK(new long[] {0xF0L}, 5, ALL, SearchFilter.NONE).hits();
      assertEquals(1, hits.size());
      assertEquals(new SearchHit(7, 4, new int[] {4, 0, 0, 0}), hits.get(0));
    }
  }

  @Test
  void anUpdatedCodeIsWhatTheNextQuerySees() {
    try (HammingIndex index =
        new HammingIndex(IndexSnapshot.empty("v1", LAYOUT), IndexSettings.singleThreaded())) {
      index.add("v1", entry(1, 0L));
      index.update("v1", entry(1, 0xFFFF_0000L));
      SearchHit hit = index.topK(new long[] {0L}, 1, ALL, SearchFilter.NONE).hits().get(0);
      assertEquals(16, hit.distance());
      assertArrayEquals(new int[] {0, 16, 0, 0}, hit.conceptDistances());
    }
  }

  @Test
  void aCodeFromAnotherModelVersionIsRejected() {
    try (HammingIndex index =
        new HammingIndex(IndexSnapshot.empty("v1", LAYOUT), IndexSettings.singleThreaded())) {
      index.publish(IndexSnapshot.empty("v2", LAYOUT));
      assertThrows(ModelVersionMismatchException.class, () -> index.add("v1", entry(1, 0L)));
      index.add("v2", entry(1, 0L));
      assertEquals("v2", index.topK(new long[] {0L}, 1, ALL, SearchFilter.NONE).modelVersion());
    }
  }

  @Test
  void addingAnIndexedImageOrUpdatingAMissingOneFails() {
    try (HammingIndex index =
        new HammingIndex(IndexSnapshot.empty("v1", LAYOUT), IndexSettings.singleThreaded())) {
      index.add("v1", entry(1, 0L));
      assertThrows(IllegalArgumentException.class, () -> index.add("v1", entry(1, 5L)));
      assertThrows(IllegalArgumentException.class, () -> index.update("v1", entry(2, 5L)));
    }
  }

  @Test
  void queriesOfTheWrongLengthOrWithAnEmptyMaskAreRejected() {
    try (HammingIndex index =
        new HammingIndex(IndexSnapshot.empty("v1", LAYOUT), IndexSettings.singleThreaded())) {
      assertThrows(
          IllegalArgumentException.class, () -> index.topK(new long[2], 1, ALL, SearchFilter.NONE));
      assertThrows(
          IllegalArgumentException.class, () -> index.topK(new long[1], 1, 0L, SearchFilter.NONE));
      assertThrows(
          IllegalArgumentException.class,
          () -> index.topK(new long[1], 1, 1L << 4, SearchFilter.NONE));
      assertThrows(
          IllegalArgumentException.class, () -> index.topK(new long[1], 0, ALL, SearchFilter.NONE));
    }
  }

  @Test
  void anEmptyIndexAnswersWithNoHits() {
    try (HammingIndex index =
        new HammingIndex(IndexSnapshot.empty("v1", LAYOUT), new IndexSettings(2, 0))) {
      assertEquals(List.of(), index.topK(new long[1], 10, ALL, SearchFilter.NONE).hits());
    }
  }

  @Test
  void descendingInsertsSplitChunksAndKeepIdOrder() {
    IndexSnapshot snapshot = IndexSnapshot.builder("v1", LAYOUT, 64).build();
    for (long id = 500; id >= 1; id--) {
      snapshot = snapshot.withAdded(entry(id, id));
    }
    assertTrue(snapshot.chunks.length >= 500 / 64, "chunks: " + snapshot.chunks.length);
    for (Chunk c : snapshot.chunks) {
      assertTrue(c.size <= 64);
    }
    assertEquals(
        LongStream.rangeClosed(1, 500).boxed().toList(),
        snapshot.entries().map(IndexEntry::imageId).toList());
    assertEquals(entry(321, 321), snapshot.get(321).orElseThrow());
  }

  @Test
  void theBuilderRefusesIdsOutOfOrder() {
    IndexSnapshot.Builder builder = IndexSnapshot.builder("v1", LAYOUT);
    builder.add(entry(5, 0L));
    assertThrows(IllegalArgumentException.class, () -> builder.add(entry(5, 0L)));
    assertThrows(IllegalArgumentException.class, () -> builder.add(entry(4, 0L)));
  }

  @Test
  void theBuilderLoadsRowsFromAPlainWordArray() {
    // the catalog's start-up path: ids, labels, splits and codes straight from a result set
    long[] codeColumn = {0b1010L, 0b0110L, 0b1111L};
    IndexSnapshot.Builder builder = IndexSnapshot.builder("v9", LAYOUT);
    for (int i = 0; i < 3; i++) {
      builder.add(10 + i, i == 1 ? IndexEntry.NONE : i, IndexEntry.NONE, Split.TEST, codeColumn, i);
    }
    IndexSnapshot snapshot = builder.build();
    assertEquals(3, snapshot.size());
    assertEquals(
        new IndexEntry(11, IndexEntry.NONE, IndexEntry.NONE, Split.TEST, new long[] {0b0110L}),
        snapshot.get(11).orElseThrow());
  }
}
