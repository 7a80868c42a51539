package org.concepthash.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.concepthash.data.FashionMnistReader;
import org.concepthash.reproduce.Reproduction;
import org.concepthash.train.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reproduce}: the paper's ablations and baselines on the data that can be had here. */
@Command(
    name = "reproduce",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the reproduction of the paper's claims (docs/reproduction.md): centre ablation,"
          + " loss ablation,",
      "code lengths, localisation, attention overlap with and without L_csd, shallow hashing"
          + " baselines, on",
      "held-out parts worlds and a Fashion-MNIST subset. Appends one JSON line per configuration"
          + " and seed to",
      "OUT/results.jsonl (runs already there are skipped, so a stopped run continues), draws"
          + " OUT/figures/*.png",
      "and renders the report (--report, default OUT/reproduction.md)."
    })
public final class ReproduceCommand implements Callable<Integer> {

  @Option(names = "--out", required = true, description = "Results and figures folder.")
  Path out;

  @Option(names = "--work", description = "Worlds, training runs and packages (default OUT/work).")
  Path work;

  @Option(
      names = "--report",
      description = "Markdown report to write (default OUT/reproduction.md).")
  Path report;

  @Option(
      names = "--quick",
      description = "A small pipeline check (tiny world, 2 epochs, 1 seed, 5 configurations).")
  boolean quick;

  @Option(
      names = "--render-only",
      description = "Only render the report from the results already in OUT.")
  boolean renderOnly;

  @Option(
      names = "--seeds",
      defaultValue = "3",
      description = "Seeds per configuration (default ${DEFAULT-VALUE}).")
  int seeds;

  @Option(
      names = "--epochs",
      defaultValue = "20",
      description =
          "Epochs of the parts-tiny schedule (the recipe has 60; default ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--fashion-train",
      defaultValue = "200",
      description = "Fashion-MNIST train images per class (default ${DEFAULT-VALUE}).")
  int fashionTrain;

  @Option(
      names = "--fashion-test",
      defaultValue = "50",
      description = "Fashion-MNIST test images per class (default ${DEFAULT-VALUE}).")
  int fashionTest;

  @Option(
      names = "--fashion-epochs",
      defaultValue = "8",
      description = "Epochs on the Fashion-MNIST subset (default ${DEFAULT-VALUE}, the recipe's).")
  int fashionEpochs;

  @Option(
      names = "--fashion",
      description = "Fashion-MNIST IDX folder (default: the Debian package's).")
  Path fashion;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description = "PyTorch and ONNX Runtime threads (default ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws Exception {
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    }
    Path workDir = work == null ? out.resolve("work") : work;
    Reproduction r =
        quick
            ? Reproduction.quick(out, workDir, threads, System.err)
            : Reproduction.full(
                out,
                workDir,
                seeds,
                epochs,
                fashionTrain,
                fashionTest,
                fashionEpochs,
                threads,
                fashion == null ? FashionMnistReader.DEFAULT_ROOT : fashion,
                System.err);
    if (!renderOnly) {
      CancellationToken cancel = new CancellationToken();
      Thread hook = new Thread(cancel::cancel);
      Runtime.getRuntime().addShutdownHook(hook);
      r.run(cancel);
      if (!cancel.isCancelled()) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
    Path target = report == null ? out.resolve("reproduction.md") : report;
    Files.writeString(target, r.render(target), StandardCharsets.UTF_8);
    System.out.println("wrote " + target + " from " + r.results());
    return 0;
  }
}
