package org.concepthash.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.concepthash.code.ConceptLayout;
import org.concepthash.data.Split;
import org.concepthash.search.HammingIndex;
import org.concepthash.search.IndexEntry;
import org.concepthash.search.IndexSettings;
import org.concepthash.search.IndexSnapshot;
import org.concepthash.search.SearchFilter;
import org.concepthash.search.SearchHit;
import org.concepthash.search.SearchResult;

/**
 * {@code bench search}: our exact top-k against FAISS IndexBinaryFlat on identical 64-bit codes (M
 * = 4 concepts of 16 bits), in the same run, plus this machine's memory-streaming bandwidth.
 *
 * <p>Per data set (random, clustered) and size: top-k single-threaded and on all threads, top-k on
 * one concept (FAISS peer: an IndexBinaryFlat over the same 16-bit sub-codes), and a batch of
 * queries sharing one pass. Latencies are medians over repeated queries after a warm-up.
 */
public final class SearchBenchmark {

  private static final ConceptLayout LAYOUT = new ConceptLayout(64, 4);
  private static final long FIRST_CONCEPT = 1L;

  /**
   * Full scans from this size on are timed against a bandwidth probe right before each query: the
   * shared machine's bandwidth drifts by 1.5x within minutes, so a figure taken at the start of the
   * run is a poor denominator. Below it the scanned codes fit (partly) in the last-level cache,
   * which a probe would evict.
   */
  private static final long PAIRED_PROBE_FROM_BYTES = 256L << 20;

  /**
   * @param sizes database sizes (codes)
   * @param k neighbours per query
   * @param batch queries per batch case
   * @param threads threads of the multi-threaded cases
   * @param python interpreter with faiss; null to skip the peer
   * @param bandwidthBytes bytes of the bandwidth probe's array (well above the last-level cache)
   * @param warmUpMillis minimum warm-up per case before timing (the JIT needs it on a loaded
   *     machine)
   */
  public record Options(
      List<Integer> sizes,
      int k,
      int batch,
      int threads,
      String python,
      long bandwidthBytes,
      long warmUpMillis) {
    public Options {
      sizes = List.copyOf(sizes);
    }

    /** The reduced set for {@code --quick}: 1M and 10M codes. */
    public static Options quick(String python) {
      return new Options(
          List.of(1_000_000, 10_000_000),
          10,
          32,
          Runtime.getRuntime().availableProcessors(),
          python,
          512L << 20,
          1000);
    }

    /** The sizes: 1M, 10M and 100M codes. */
    public static Options full(String python) {
      return new Options(
          List.of(1_000_000, 10_000_000, 100_000_000),
          10,
          32,
          Runtime.getRuntime().availableProcessors(),
          python,
          1L << 30,
          1000);
    }
  }

  private final Options options;
  private final PrintStream log;

  public SearchBenchmark(Options options, PrintStream log) {
    this.options = Objects.requireNonNull(options);
    this.log = Objects.requireNonNull(log);
  }

  /** Runs every case, handing each result to {@code out} as soon as it is measured. */
  public void run(Consumer<CaseResult> out) throws IOException {
    log.printf(
        "measuring memory-streaming bandwidth over %d MiB ...%n", options.bandwidthBytes() >> 20);
    MemoryBandwidth probe = new MemoryBandwidth(options.bandwidthBytes());
    double bandwidth = probe.peak(options.threads());
    log.printf("bandwidth: %.2f GB/s (best of 1..%d threads)%n", bandwidth, options.threads());
    FaissPeer peer = null;
    Path work = Files.createTempDirectory("bench-search");
    if (options.python() != null) {
      peer = new FaissPeer(options.python(), work);
      String reason = peer.unavailableReason();
      if (reason != null) {
        log.println("FAISS peer unavailable, measuring ours only: " + reason);
        peer = null;
      }
    }
    try {
      for (int n : options.sizes()) {
        for (SyntheticCodes.Kind kind : SyntheticCodes.Kind.values()) {
          runSize(kind, n, peer, probe, bandwidth, out);
        }
      }
    } finally {
      Files.deleteIfExists(work.resolve("faiss_search.py"));
      Files.deleteIfExists(work);
    }
  }

  private void runSize(
      SyntheticCodes.Kind kind,
      int n,
      FaissPeer peer,
      MemoryBandwidth probe,
      double bandwidth,
      Consumer<CaseResult> out)
      throws IOException {
    String data = kind.name().toLowerCase(Locale.ROOT);
    int repeats = n >= 50_000_000 ? 11 : 21;
    int batchPasses = n >= 50_000_000 ? 2 : 5;
    long[] queries = SyntheticCodes.generate(kind, Math.max(repeats, 2 * options.batch()), 2, 1);
    log.printf("%s n=%,d: generating ...%n", data, n);
    long[] database = SyntheticCodes.generate(kind, n, 1, 1);

    List<FaissPeer.Case> cases =
        List.of(
            new FaissPeer.Case("top10_1t", 1, 1, false, repeats),
            new FaissPeer.Case(
                "top10_" + options.threads() + "t", options.threads(), 1, false, repeats),
            new FaissPeer.Case("concept1_top10_1t", 1, 1, true, repeats),
            new FaissPeer.Case(
                "batch" + options.batch() + "_top10_1t", 1, options.batch(), false, batchPasses));
    Map<String, FaissPeer.Timing> faiss = Map.of();
    if (peer != null) {
      log.printf("%s n=%,d: FAISS ...%n", data, n);
      faiss = peer.run(database, queries, options.k(), cases);
    }
    log.printf("%s n=%,d: building our index ...%n", data, n);
    IndexSnapshot snapshot = build(database);
    database = null; // the snapshot holds its own copy; let the generator's array go before timing
    Latency fullCode = null;
    for (FaissPeer.Case c : cases) {
      boolean masked = c.subcode();
      long mask = masked ? FIRST_CONCEPT : LAYOUT.allConcepts();
      IndexSettings settings =
          c.threads() == 1 ? IndexSettings.singleThreaded() : new IndexSettings(c.threads(), 0);
      List<int[]> distances = new ArrayList<>();
      List<Long> lastIds = new ArrayList<>();
      long bytesPerPass = (long) n * (masked ? 2 : 8);
      boolean pair = !masked && c.batch() == 1 && bytesPerPass >= PAIRED_PROBE_FROM_BYTES;
      List<PairedBandwidth.Pass> probed = pair ? new ArrayList<>() : null;
      Latency ours;
      try (HammingIndex index = new HammingIndex(snapshot, settings)) {
        ours =
            time(
                index,
                queries,
                c.batch(),
                c.repeats(),
                mask,
                distances,
                lastIds,
                pair ? probe : null,
                probed);
      }
      if (c.name().equals("top10_1t")) {
        fullCode = ours;
      }
      FaissPeer.Timing peerTiming = faiss.get(c.name());
      Boolean agree = peerTiming == null ? null : sameDistances(distances, peerTiming.distances());
      double scanned =
          c.threads() == 1 && c.batch() == 1 ? scannedFraction(distances, lastIds, n) : 1.0;
      out.accept(
          new CaseResult(
              c.name(),
              data,
              n,
              c.threads(),
              c.batch(),
              ours,
              peerTiming == null ? null : peerTiming.latency(),
              bytesPerPass,
              scanned,
              bandwidth,
              masked ? fullCode : null,
              agree,
              pair ? PairedBandwidth.of(probed, bytesPerPass) : null));
    }
  }

  private static IndexSnapshot build(long[] codes) {
    IndexSnapshot.Builder builder = IndexSnapshot.builder("bench", LAYOUT);
    for (int i = 0; i < codes.length; i++) {
      builder.add(i, IndexEntry.NONE, IndexEntry.NONE, Split.UNSPECIFIED, codes, i);
    }
    return builder.build();
  }

  /**
   * Milliseconds per query over {@code passes} timed passes after a warm-up; pass r uses queries
   * {@code [r*batch mod nq, +batch)}, as the FAISS peer does. Records every timed query's distances
   * and, with a {@code probe}, the streaming bandwidth measured right before each pass ({@code
   * probed}).
   */
  private Latency time(
      HammingIndex index,
      long[] queries,
      int batch,
      int passes,
      long mask,
      List<int[]> distances,
      List<Long> lastIds,
      MemoryBandwidth probe,
      List<PairedBandwidth.Pass> probed) {
    // Warm up for a while, not a fixed count: on a loaded machine the JIT compiler threads get
    // little CPU
    // and a few calls can still run interpreted code.
    long[][] warm = slice(queries, 0, batch);
    long warmUntil = System.nanoTime() + options.warmUpMillis() * 1_000_000L;
    for (int w = 0; w < 3 || System.nanoTime() < warmUntil; w++) {
      index.topK(warm, options.k(), mask, SearchFilter.NONE);
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[] ms = new double[passes];
    double[] cpuMs = new double[passes];
    for (int r = 0; r < passes; r++) {
      long[][] pass = slice(queries, (r * batch) % queries.length, batch);
      double probeGbps = probe == null ? 0 : probe.best(options.threads(), 2);
      long start = System.nanoTime();
      long cpuStart = cpu.getCurrentThreadCpuTime();
      List<SearchResult> results = index.topK(pass, options.k(), mask, SearchFilter.NONE);
      cpuMs[r] = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e6 / batch;
      ms[r] = (System.nanoTime() - start) / 1e6 / batch;
      if (probe != null) {
        probed.add(new PairedBandwidth.Pass(probeGbps, ms[r]));
      }
      for (SearchResult result : results) {
        distances.add(result.hits().stream().mapToInt(SearchHit::distance).toArray());
        lastIds.add(result.hits().stream().mapToLong(SearchHit::imageId).max().orElse(-1));
      }
    }
    return Latency.of(ms, cpuMs);
  }

  /**
   * Mean fraction of the database a single-threaded scan read: ids are 0..n-1 in scan order, so
   * when all k hits lie at distance 0 the scan stopped right after the largest hit id.
   */
  private double scannedFraction(List<int[]> distances, List<Long> lastIds, int n) {
    double sum = 0;
    for (int q = 0; q < distances.size(); q++) {
      int[] d = distances.get(q);
      boolean stopped = d.length == options.k() && d[d.length - 1] == 0;
      sum += stopped ? (lastIds.get(q) + 1.0) / n : 1.0;
    }
    return sum / distances.size();
  }

  private static long[][] slice(long[] queries, int from, int count) {
    long[][] out = new long[count][];
    for (int i = 0; i < count; i++) {
      out[i] = new long[] {queries[(from + i) % queries.length]};
    }
    return out;
  }

  /** Exact search must return the same distance lists (ids may differ inside a tie). */
  private static boolean sameDistances(List<int[]> ours, List<int[]> theirs) {
    if (ours.size() != theirs.size()) {
      return false;
    }
    for (int i = 0; i < ours.size(); i++) {
      if (!Arrays.equals(ours.get(i), theirs.get(i))) {
        return false;
      }
    }
    return true;
  }
}
