package org.concepthash.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.concepthash.bench.SearchBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench search}: Hamming top-k against FAISS IndexBinaryFlat and memory bandwidth. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description =
        "Exact Hamming top-k vs FAISS IndexBinaryFlat (Debian python3-faiss) on identical codes.")
public final class BenchSearchCommand implements Callable<Integer> {

  @Option(names = "--quick", description = "1M and 10M codes only (a few minutes at most)")
  boolean quick;

  @Option(
      names = "--sizes",
      split = ",",
      description = "database sizes, overriding the preset, e.g. 1000000,10000000")
  List<Integer> sizes;

  @Option(
      names = "--threads",
      description = "threads of the multi-threaded cases (default: all processors)")
  Integer threads;

  @Option(
      names = "--python",
      defaultValue = "/usr/bin/python3",
      description = "Python with faiss (Debian python3-faiss); default ${DEFAULT-VALUE}")
  String python;

  @Option(names = "--no-faiss", description = "measure ours only")
  boolean noFaiss;

  @Override
  public Integer call() throws Exception {
    String peer = noFaiss ? null : python;
    SearchBenchmark.Options preset =
        quick ? SearchBenchmark.Options.quick(peer) : SearchBenchmark.Options.full(peer);
    SearchBenchmark.Options options =
        new SearchBenchmark.Options(
            sizes == null ? preset.sizes() : sizes,
            preset.k(),
            preset.batch(),
            threads == null ? preset.threads() : threads,
            preset.python(),
            preset.bandwidthBytes(),
            preset.warmUpMillis());
    new SearchBenchmark(options, System.err).run(result -> System.out.println(result.toJson()));
    return 0;
  }
}
