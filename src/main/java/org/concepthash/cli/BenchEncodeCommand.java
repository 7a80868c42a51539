package org.concepthash.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.concepthash.bench.EncodeBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench encode}: the ONNX Runtime encoder vs PyTorch eager and the machine's GEMM peak. */
@Command(
    name = "encode",
    mixinStandardHelpOptions = true,
    description =
        "ONNX Runtime encoder vs PyTorch eager (Debian python3-torch) on the same random-weight"
            + " network, input and thread count, and vs this machine's measured matrix-multiply"
            + " peak.")
public final class BenchEncodeCommand implements Callable<Integer> {

  @Option(names = "--quick", description = "fewer repetitions (about 4 minutes on 2 loaded cores)")
  boolean quick;

  @Option(names = "--geometries", split = ",", description = "tiny and/or vitB32 (default: both)")
  List<String> geometries;

  @Option(names = "--batches", split = ",", description = "images per call (default: 1,32)")
  List<Integer> batches;

  @Option(
      names = "--threads",
      description = "intra-op threads of both peers (default: all processors)")
  Integer threads;

  @Option(names = "--repeats", description = "timed calls per tiny case (ViT-B/32: a quarter)")
  Integer repeats;

  @Option(
      names = "--python",
      defaultValue = "/usr/bin/python3",
      description = "Python with torch (Debian python3-torch); default ${DEFAULT-VALUE}")
  String python;

  @Option(names = "--no-torch", description = "measure ours and the GEMM peak only")
  boolean noTorch;

  @Override
  public Integer call() throws Exception {
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    String peer = noTorch ? null : python;
    EncodeBenchmark.Options preset =
        quick ? EncodeBenchmark.Options.quick(peer, t) : EncodeBenchmark.Options.full(peer, t);
    EncodeBenchmark.Options options =
        new EncodeBenchmark.Options(
            geometries == null ? preset.geometries() : geometries,
            batches == null ? preset.batches() : batches,
            t,
            repeats == null ? preset.repeats() : repeats,
            peer,
            preset.gemmSize());
    new EncodeBenchmark(options, System.err).run(System.out::println);
    return 0;
  }
}
