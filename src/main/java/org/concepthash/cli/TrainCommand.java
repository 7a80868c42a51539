package org.concepthash.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.concepthash.data.Dataset;
import org.concepthash.data.Datasets;
import org.concepthash.train.CancellationToken;
import org.concepthash.train.EpochSummary;
import org.concepthash.train.Recipe;
import org.concepthash.train.RecipeReader;
import org.concepthash.train.RunDirectory;
import org.concepthash.train.StepProgress;
import org.concepthash.train.Trainer;
import org.concepthash.train.TrainingListener;
import org.concepthash.train.TrainingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train}: trains a ConceptHash model from a recipe into a run directory. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains a ConceptHash model as the recipe says (training/recipes/*.yaml) and writes the run"
          + " folder:",
      "recipe.yaml, run.json, progress.jsonl, checkpoints/, metrics.json. Ctrl-C stops after the"
          + " current",
      "step; --resume continues from the last epoch checkpoint with the same result as an"
          + " uninterrupted run."
    })
public final class TrainCommand implements Callable<Integer> {

  @Option(names = "--recipe", required = true, description = "Recipe YAML file.")
  Path recipe;

  @Option(names = "--data", required = true, description = "Data set folder.")
  Path data;

  @Option(
      names = "--out",
      required = true,
      description = "Run folder (new, or existing with --resume).")
  Path out;

  @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
  boolean resume;

  @Option(
      names = "--format",
      description =
          "Data set format (cub200, nabirds, aircraft, cars, fashion-mnist, parts, list,"
              + " imagefolder); overrides the recipe's data.format, which overrides detection.")
  String format;

  @Override
  public Integer call() throws Exception {
    Recipe r = RecipeReader.read(recipe);
    Optional<String> chosen = Optional.ofNullable(format).or(() -> r.data().format());
    Dataset dataset = Datasets.read(data, chosen);
    CancellationToken cancel = new CancellationToken();
    CountDownLatch settled = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              cancel.cancel();
              try {
                settled.await(
                    5, TimeUnit.MINUTES); // let the current step finish and the run folder settle
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Runtime.getRuntime().addShutdownHook(hook);
    TrainingOutcome outcome;
    try {
      outcome =
          Trainer.standard(r, dataset, data, new RunDirectory(out))
              .run(resume, cancel, new ConsoleProgress());
    } finally {
      settled.countDown();
    }
    if (!cancel.isCancelled()) {
      Runtime.getRuntime().removeShutdownHook(hook);
    }
    if (!outcome.completed()) {
      System.err.printf(
          "stopped; last checkpoint: epoch %d. Continue with --resume.%n", outcome.lastEpoch());
      return 130;
    }
    System.out.printf(
        "done: selected epoch %d (%s)%n",
        outcome.selectedEpoch(), outcome.selectedCheckpoint().map(Path::toString).orElse("-"));
    outcome
        .test()
        .ifPresent(
            t ->
                System.out.printf(
                    "test: mAP@all %.4f  P@1 %.4f  P@5 %.4f  P@10 %.4f  (%d queries, database"
                        + " %d)%n",
                    t.mapAll(),
                    t.precisionAt1(),
                    t.precisionAt5(),
                    t.precisionAt10(),
                    t.queries(),
                    t.databaseSize()));
    return 0;
  }

  /** One line per epoch on stdout, a running step line on stderr. */
  private static final class ConsoleProgress implements TrainingListener {
    @Override
    public void onStep(StepProgress p) {
      System.err.printf(
          "\repoch %d/%d step %d/%d loss %.4f lr %.2e %.1f img/s eta %s   ",
          p.epoch(),
          p.epochs(),
          p.step(),
          p.stepsPerEpoch(),
          p.loss(),
          p.lr(),
          p.imagesPerSecond(),
          format(p.eta().toSeconds()));
    }

    @Override
    public void onEpoch(EpochSummary s) {
      System.err.print("\r");
      System.out.printf(
          "epoch %d/%d loss %.4f %s%s%n",
          s.epoch(),
          s.epochs(),
          s.meanLoss(),
          s.meanTerms(),
          s.validation()
              .map(
                  v ->
                      String.format(
                          " validation mAP@all %.4f P@1 %.4f%s",
                          v.mapAll(), v.precisionAt1(), s.best() ? " (best)" : ""))
              .orElse(""));
    }

    private static String format(long seconds) {
      return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
  }
}
