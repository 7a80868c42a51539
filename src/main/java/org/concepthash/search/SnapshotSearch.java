package org.concepthash.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.concepthash.code.ConceptLayout;

/**
 * Exact top-k over one snapshot for a batch of queries that share one pass over memory.
 *
 * <p>The snapshot's chunks are cut into contiguous runs, one per task; each task scans its run in
 * id order with one {@link TopKCollector} per query, so ties resolve by image id inside a run, and
 * the runs' survivors are merged by (distance, image id). In a batch the run is walked in blocks
 * that stay in cache while every query scans them.
 */
final class SnapshotSearch {

  /** Entries per block in a batch: 4096 rows of 64 bits are 32 KiB, an L1/L2-sized working set. */
  static final int BATCH_BLOCK = 4096;

  private final IndexSnapshot snapshot;
  private final int k;
  private final SearchFilter filter;
  private final long[][] conceptBitMasks;
  private final ScanKernel[] kernels;
  private final long[][] queries;

  /**
   * Kernels in groups of four when every query scans whole single-word rows ({@link
   * RowKernel#scanFour}).
   */
  private final RowKernel[][] fourWay;

  SnapshotSearch(
      IndexSnapshot snapshot, long[][] queries, int k, long conceptMask, SearchFilter filter) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, not " + k);
    }
    ConceptLayout layout = snapshot.layout();
    layout.checkMask(conceptMask);
    this.snapshot = snapshot;
    this.k = k;
    this.conceptBitMasks = new long[layout.concepts()][];
    for (int m = 0; m < layout.concepts(); m++) {
      conceptBitMasks[m] = layout.bitMask(m);
    }
    this.filter = filter.acceptsAll() ? null : filter;
    this.queries = queries;
    this.kernels = new ScanKernel[queries.length];
    for (int q = 0; q < queries.length; q++) {
      snapshot.checkCode(queries[q]);
      kernels[q] = ScanKernel.create(layout, queries[q], conceptMask);
    }
    boolean rows =
        Arrays.stream(kernels).allMatch(kr -> kr instanceof RowKernel row && row.wholeSingleWord());
    this.fourWay = new RowKernel[rows ? queries.length / 4 : 0][];
    for (int g = 0; g < fourWay.length; g++) {
      fourWay[g] = Arrays.copyOfRange(kernels, 4 * g, 4 * g + 4, RowKernel[].class);
    }
  }

  /** Runs the search on up to {@code tasks} threads: the caller's and {@code executor}'s. */
  List<SearchResult> run(int tasks, Executor executor) {
    Chunk[] chunks = snapshot.chunks;
    int[] cuts = partition(chunks, Math.max(1, Math.min(tasks, chunks.length)));
    int runs = cuts.length - 1;
    List<CompletableFuture<TopKCollector[]>> others = new ArrayList<>();
    for (int r = 1; r < runs; r++) {
      int from = cuts[r];
      int to = cuts[r + 1];
      others.add(CompletableFuture.supplyAsync(() -> scanRun(from, to), executor));
    }
    List<TopKCollector[]> perRun = new ArrayList<>();
    perRun.add(scanRun(cuts[0], cuts[1]));
    for (CompletableFuture<TopKCollector[]> f : others) {
      perRun.add(f.join());
    }
    List<SearchResult> results = new ArrayList<>(queries.length);
    for (int q = 0; q < queries.length; q++) {
      results.add(merge(q, perRun));
    }
    return results;
  }

  /** Scans chunks {@code [from, to)} for every query. */
  private TopKCollector[] scanRun(int from, int to) {
    int maxDistance = snapshot.layout().bits();
    TopKCollector[] out = new TopKCollector[queries.length];
    for (int q = 0; q < out.length; q++) {
      out[q] = new TopKCollector(Math.min(k, Math.max(1, snapshot.size())), maxDistance);
    }
    TopKCollector[][] outGroups = new TopKCollector[fourWay.length][];
    for (int g = 0; g < fourWay.length; g++) {
      outGroups[g] = Arrays.copyOfRange(out, 4 * g, 4 * g + 4);
    }
    Chunk[] chunks = snapshot.chunks;
    for (int c = from; c < to; c++) {
      Chunk chunk = chunks[c];
      int block = queries.length == 1 ? chunk.size : BATCH_BLOCK;
      for (int start = 0; start < chunk.size; start += block) {
        int end = Math.min(chunk.size, start + block);
        for (int g = 0; g < fourWay.length; g++) {
          RowKernel.scanFour(chunk, c, start, end, fourWay[g], outGroups[g], filter);
        }
        for (int q = 4 * fourWay.length; q < queries.length; q++) {
          if (out[q].bound > 0) {
            kernels[q].scan(chunk, c, start, end, out[q], filter);
          }
        }
      }
    }
    for (TopKCollector collector : out) {
      collector.compact();
    }
    return out;
  }

  private SearchResult merge(int q, List<TopKCollector[]> perRun) {
    Chunk[] chunks = snapshot.chunks;
    List<long[]> candidates = new ArrayList<>(); // {distance, imageId, ref}
    for (TopKCollector[] run : perRun) {
      TopKCollector c = run[q];
      for (int i = 0; i < c.size(); i++) {
        long ref = c.ref(i);
        long id = chunks[ScanKernel.chunkOf(ref)].imageIds[ScanKernel.slotOf(ref)];
        candidates.add(new long[] {c.distance(i), id, ref});
      }
    }
    candidates.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    List<SearchHit> hits = new ArrayList<>(Math.min(k, candidates.size()));
    for (long[] candidate : candidates.subList(0, Math.min(k, candidates.size()))) {
      long ref = candidate[2];
      hits.add(
          new SearchHit(
              candidate[1],
              (int) candidate[0],
              conceptDistances(
                  chunks[ScanKernel.chunkOf(ref)], ScanKernel.slotOf(ref), queries[q])));
    }
    return new SearchResult(snapshot.modelVersion(), hits);
  }

  private int[] conceptDistances(Chunk chunk, int slot, long[] query) {
    int wpc = query.length;
    int[] distances = new int[conceptBitMasks.length];
    for (int m = 0; m < distances.length; m++) {
      long[] mask = conceptBitMasks[m];
      for (int w = 0; w < wpc; w++) {
        distances[m] += Long.bitCount((chunk.rows[slot * wpc + w] ^ query[w]) & mask[w]);
      }
    }
    return distances;
  }

  /** Chunk boundaries of {@code runs} contiguous runs with about equal entry counts. */
  private static int[] partition(Chunk[] chunks, int runs) {
    long total = 0;
    for (Chunk c : chunks) {
      total += c.size;
    }
    int[] cuts = new int[runs + 1];
    long seen = 0;
    int r = 1;
    for (int c = 0; c < chunks.length && r < runs; c++) {
      seen += chunks[c].size;
      if (seen * runs >= total * r) {
        cuts[r++] = c + 1;
      }
    }
    while (r <= runs) {
      cuts[r++] = chunks.length;
    }
    return Arrays.copyOf(cuts, runs + 1);
  }
}
