package org.concepthash.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.concepthash.bench.TrainBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench train}: our DJL training step vs the same step in PyTorch eager. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Training images/s of the DJL trainer vs PyTorch (Debian python3-torch): same network,"
            + " losses, SGD, initial weights, batches and thread count.")
public final class BenchTrainCommand implements Callable<Integer> {

  @Option(
      names = "--quick",
      description = "fewer steps (about 10 minutes on 2 loaded cores, most of it ViT-B/32)")
  boolean quick;

  @Option(names = "--geometries", split = ",", description = "tiny and/or vitB32 (default: both)")
  List<String> geometries;

  @Option(names = "--batch", description = "images per step (default: 32)")
  Integer batch;

  @Option(names = "--steps", description = "timed steps of the tiny geometry (ViT-B/32: a third)")
  Integer steps;

  @Option(
      names = "--threads",
      description = "intra-op threads of both peers (default: all processors)")
  Integer threads;

  @Option(
      names = "--python",
      defaultValue = "/usr/bin/python3",
      description = "Python with torch (Debian python3-torch); default ${DEFAULT-VALUE}")
  String python;

  @Option(names = "--no-torch", description = "measure ours only")
  boolean noTorch;

  @Option(
      names = "--deterministic",
      description =
          "no dropout in the concept-token generator, so both peers'"
              + " first-step losses must agree exactly")
  boolean deterministic;

  @Override
  public Integer call() throws Exception {
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    // read once when DJL loads libtorch, which has not happened yet in this process
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(t));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    String peer = noTorch ? null : python;
    TrainBenchmark.Options preset =
        quick ? TrainBenchmark.Options.quick(peer, t) : TrainBenchmark.Options.full(peer, t);
    TrainBenchmark.Options options =
        new TrainBenchmark.Options(
            geometries == null ? preset.geometries() : geometries,
            batch == null ? preset.batch() : batch,
            t,
            preset.warmup(),
            steps == null ? preset.steps() : steps,
            preset.classes(),
            peer,
            deterministic);
    new TrainBenchmark(options, System.err).run(System.out::println);
    return 0;
  }
}
