package org.concepthash.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.concepthash.code.ConceptLayout;
import org.junit.jupiter.api.Test;

/**
 * Queries run while one writer adds, updates and removes entries and swaps model versions. Every
 * published snapshot is recorded; each query must equal brute force on one snapshot published while
 * it ran, with that snapshot's model version: never a mix of versions or a half-applied update.
 */
class HammingIndexConcurrencyTest {

  private static final ConceptLayout LAYOUT = new ConceptLayout(64, 4);

  private record Observation(
      int publishedBefore,
      int publishedAfter,
      long[] query,
      long mask,
      SearchFilter filter,
      SearchResult result) {}

  @Test
  void queriesDuringUpdatesAndVersionSwapsEachMatchOnePublishedSnapshot() throws Exception {
    Random random = new Random(5);
    long[][] centres = BruteForceSearch.centres(random, 64, 8);
    IndexSnapshot.Builder builder = IndexSnapshot.builder("v1", LAYOUT, 64);
    for (long id = 1; id <= 1000; id++) {
      builder.add(BruteForceSearch.randomEntry(random, id * 4, 64, centres));
    }
    List<IndexSnapshot> published = new CopyOnWriteArrayList<>();
    published.add(builder.build());
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Observation> observations = new CopyOnWriteArrayList<>();

    try (HammingIndex index = new HammingIndex(published.get(0), new IndexSettings(2, 0))) {
      Thread writer =
          new Thread(
              () -> write(index, published, new Random(6), centres, writing, failure), "writer");
      List<Thread> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        Random readerRandom = new Random(100 + r);
        readers.add(
            new Thread(
                () ->
                    read(index, published, readerRandom, centres, writing, observations, failure)));
      }
      writer.start();
      readers.forEach(Thread::start);
      writer.join();
      for (Thread reader : readers) {
        reader.join();
      }
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }

    assertTrue(observations.size() >= 20, "readers ran only " + observations.size() + " queries");
    assertTrue(published.stream().map(IndexSnapshot::modelVersion).distinct().count() >= 3);
    for (Observation o : observations) {
      boolean matched = false;
      int from = Math.max(0, o.publishedBefore() - 1);
      int to = Math.min(o.publishedAfter(), published.size() - 1);
      for (int s = from; s <= to && !matched; s++) {
        IndexSnapshot snapshot = published.get(s);
        matched =
            snapshot.modelVersion().equals(o.result().modelVersion())
                && BruteForceSearch.topK(
                        LAYOUT, snapshot.entries().toList(), o.query(), 10, o.mask(), o.filter())
                    .equals(o.result().hits());
      }
      assertTrue(
          matched, "a query matched none of snapshots " + from + ".." + to + ": " + o.result());
    }
  }

  private static void write(
      HammingIndex index,
      List<IndexSnapshot> published,
      Random random,
      long[][] centres,
      AtomicBoolean writing,
      AtomicReference<Throwable> failure) {
    try {
      long nextId = 5000;
      for (int op = 1; op <= 600; op++) {
        String version = index.modelVersion();
        IndexSnapshot now = index.snapshot();
        List<IndexEntry> entries = now.entries().toList();
        if (op % 150 == 0) { // a new model version: every code re-encoded
          IndexSnapshot.Builder next = IndexSnapshot.builder("v" + (op / 150 + 1), LAYOUT, 64);
          for (IndexEntry e : entries) {
            next.add(BruteForceSearch.randomEntry(random, e.imageId(), 64, centres));
          }
          index.publish(next.build());
        } else if (op % 3 == 0) {
          index.add(version, BruteForceSearch.randomEntry(random, nextId++, 64, centres));
        } else if (op % 3 == 1) {
          long target = entries.get(random.nextInt(entries.size())).imageId();
          index.update(version, BruteForceSearch.randomEntry(random, target, 64, centres));
        } else {
          assertTrue(index.remove(entries.get(random.nextInt(entries.size())).imageId()));
        }
        published.add(index.snapshot());
      }
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
    } finally {
      writing.set(false);
    }
  }

  private static void read(
      HammingIndex index,
      List<IndexSnapshot> published,
      Random random,
      long[][] centres,
      AtomicBoolean writing,
      List<Observation> observations,
      AtomicReference<Throwable> failure) {
    try {
      SearchFilter[] filters = {
        SearchFilter.NONE,
        SearchFilter.NONE.withFamily(1),
        SearchFilter.NONE.withLabels(SearchFilter.LabelState.UNLABELLED)
      };
      while (writing.get() || observations.size() < 20) {
        long[] query = BruteForceSearch.clusteredCode(random, 64, centres);
        long mask = 1 + random.nextInt(15);
        SearchFilter filter = filters[random.nextInt(filters.length)];
        int before = published.size();
        SearchResult result = index.topK(query, 10, mask, filter);
        int after = published.size();
        observations.add(new Observation(before, after, query, mask, filter, result));
        assertEquals(10, result.hits().size());
      }
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
    }
  }
}
