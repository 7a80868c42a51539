package org.concepthash.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.concepthash.data.Dataset;
import org.concepthash.data.LabelledImage;
import org.concepthash.model.ImagePreprocessor;
import org.concepthash.model.MiniLmTextEmbedder;
import org.concepthash.model.TextEmbedder;
import org.concepthash.search.RetrievalMetrics;
import org.concepthash.search.RetrievalReport;

/**
 * Trains a ConceptHash network as a recipe says, in a {@link RunDirectory}.
 *
 * <p>Per epoch e: the learning rate of {@link LearningRateSchedule}; a shuffle and per-image
 * augmentation seeded by (seed, e, position); the engine's random seed (dropout) set from (seed,
 * e); full batches only; SGD as {@link SgdOptimizer}; a checkpoint at the end; validation every
 * {@code evaluateEvery} epochs and after the last. Because every random choice of an epoch depends
 * only on the seed and the epoch, resuming from the checkpoint of epoch e gives the same result as
 * an uninterrupted run. After the last epoch the best checkpoint by validation mAP@all (or the last
 * one, without validation images) is evaluated on the test split: queries = test split, database =
 * the whole train split.
 */
public final class Trainer {

  /** Images kept decoded in memory (resized) before falling back to decoding on demand. */
  private static final long IMAGE_CACHE_BYTES = 1L << 30;

  private final Recipe recipe;
  private final Dataset dataset;
  private final Path dataRoot;
  private final RunDirectory run;
  private final Device device;
  private final Supplier<TextEmbedder> embedders;

  public Trainer(
      Recipe recipe,
      Dataset dataset,
      Path dataRoot,
      RunDirectory run,
      Device device,
      Supplier<TextEmbedder> embedders) {
    this.recipe = recipe;
    this.dataset = dataset;
    this.dataRoot = dataRoot;
    this.run = run;
    this.device = device;
    this.embedders = embedders;
  }

  /**
   * The engine's default device (a GPU when DJL finds one) and the offline MiniLM text embedder.
   */
  public static Trainer standard(Recipe recipe, Dataset dataset, Path dataRoot, RunDirectory run) {
    return new Trainer(
        recipe,
        dataset,
        dataRoot,
        run,
        Engine.getInstance().defaultDevice(),
        MiniLmTextEmbedder::new);
  }

  /**
   * Trains until the last epoch or until {@code cancel} is set.
   *
   * @param resume continue from the newest checkpoint of an existing run (the recipe must be the
   *     same)
   */
  public TrainingOutcome run(boolean resume, CancellationToken cancel, TrainingListener listener)
      throws IOException {
    // PyTorch's grad mode is per thread and on by default; DJL switches it off only on the thread
    // that
    // started the engine. On any other thread (a job worker) the optimiser's in-place updates of
    // leaf
    // tensors would fail, so it is switched off here and only the gradient collector turns it on.
    Engine.getInstance(); // loads the native library before the call below
    ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    String recipeYaml = RecipeReader.write(recipe);
    if (resume) {
      run.checkResumable(recipeYaml);
    } else {
      run.create(recipeYaml);
    }
    SplitPlan plan = SplitPlan.carve(dataset, recipe.data().validationFraction(), recipe.seed());
    if (plan.fit().size() < recipe.batchSize()) {
      throw new IllegalArgumentException(
          "only " + plan.fit().size() + " training images for batch size " + recipe.batchSize());
    }
    ImagePreprocessor preprocessor = ImagePreprocessor.clip(recipe.model().geometry().imageSize());
    TrainTransform transform =
        new TrainTransform(
            preprocessor,
            recipe.augmentation().flip(),
            recipe.augmentation().trivialAugment() ? new TrivialAugmentWide() : null);
    ImageStore store = new ImageStore(transform::prepare, IMAGE_CACHE_BYTES);
    try (TrainingSetup setup = TrainingSetup.create(recipe, dataset.classes(), device, embedders)) {
      RunMetadata metadata =
          RunMetadata.of(recipe, dataset, dataRoot, plan, setup, preprocessor, device);
      SgdOptimizer optimizer =
          new SgdOptimizer(
              setup.parameters().manager(),
              setup.parameters().trainable(),
              recipe.optimizer().momentum(),
              recipe.optimizer().weightDecay(),
              recipe.optimizer().clipNorm());
      TrainerState state = TrainerState.initial();
      if (resume) {
        metadata.checkSameData(run);
        Optional<Integer> latest = run.latestEpoch();
        if (latest.isPresent()) {
          state = Checkpoint.load(run.checkpoint(latest.get()), setup.parameters(), optimizer);
        }
        run.truncateProgress(state.epoch());
      } else {
        run.writeJson(RunDirectory.RUN, metadata);
      }
      store.warm(plan.fit());
      CodeEncoder encoder =
          new CodeEncoder(
              setup.parameters(),
              setup.net(),
              preprocessor,
              store,
              Math.max(recipe.batchSize(), 32));
      LearningRateSchedule schedule =
          new LearningRateSchedule(
              recipe.optimizer().lr(),
              recipe.schedule().epochs(),
              recipe.schedule().warmupEpochs());
      try (BufferedWriter progress = run.appendProgress()) {
        ProgressLog log = new ProgressLog(progress);
        TrainingListener listeners = TrainingListener.all(log, listener);
        Pace pace =
            new Pace(
                recipe.schedule().epochs() - state.epoch(), plan.fit().size() / recipe.batchSize());
        for (int epoch = state.epoch() + 1; epoch <= recipe.schedule().epochs(); epoch++) {
          Optional<EpochTotals> totals =
              trainEpoch(
                  epoch,
                  setup,
                  optimizer,
                  schedule.lr(epoch),
                  plan.fit(),
                  store,
                  transform,
                  cancel,
                  listeners,
                  pace);
          if (totals.isEmpty()) {
            return new TrainingOutcome(false, state.epoch(), 0, Optional.empty(), Optional.empty());
          }
          RetrievalReport validation = null;
          if (!plan.validation().isEmpty()
              && (epoch % recipe.evaluateEvery() == 0 || epoch == recipe.schedule().epochs())) {
            validation =
                RetrievalMetrics.evaluate(
                    encoder.encode(plan.validation()),
                    CodeEncoder.labels(plan.validation()),
                    encoder.encode(plan.fit()),
                    CodeEncoder.labels(plan.fit()));
          }
          boolean best = validation != null && validation.mapAll() > state.bestMap();
          state = state.after(epoch, validation);
          EpochSummary summary =
              totals
                  .get()
                  .summary(epoch, recipe.schedule().epochs(), schedule.lr(epoch), validation, best);
          // the epoch's line goes before its checkpoint: a kill between the two leaves a line that
          // a resume
          // drops (truncateProgress), never a checkpoint whose epoch is missing from the history
          log.onEpoch(summary);
          Checkpoint.save(run.checkpoint(epoch), setup.parameters(), optimizer, state);
          run.prune(recipe.keepCheckpoints(), state.bestEpoch());
          listener.onEpoch(summary);
        }
      }
      return finish(setup, state, plan, encoder);
    }
  }

  private Optional<EpochTotals> trainEpoch(
      int epoch,
      TrainingSetup setup,
      SgdOptimizer optimizer,
      double lr,
      List<LabelledImage> fit,
      ImageStore store,
      TrainTransform transform,
      CancellationToken cancel,
      TrainingListener listener,
      Pace pace) {
    Engine.getInstance().setRandomSeed((int) RunSeeds.mix(recipe.seed(), epoch, 1));
    List<int[]> batches = BatchPlan.epoch(fit.size(), recipe.batchSize(), recipe.seed(), epoch);
    int s = recipe.model().geometry().imageSize();
    int pixels = 3 * s * s;
    TrainingStep step = new TrainingStep(setup, optimizer, dataset.classes().size());
    EpochTotals totals = new EpochTotals();
    for (int b = 0; b < batches.size(); b++) {
      if (cancel.isCancelled()) {
        return Optional.empty();
      }
      long started = System.nanoTime();
      int[] batch = batches.get(b);
      int bIndex = b;
      int first = b * recipe.batchSize();
      float[] input = new float[batch.length * pixels];
      int[] labels = new int[batch.length];
      IntStream.range(0, batch.length)
          .parallel()
          .forEach(
              i -> {
                LabelledImage item = fit.get(batch[i]);
                Random random = new Random(RunSeeds.mix(recipe.seed(), epoch, 2 + first + i));
                System.arraycopy(
                    transform.apply(store.get(item), random), 0, input, i * pixels, pixels);
                labels[i] = item.classIndex();
              });
      TrainingStep.Result result =
          step.run(input, labels, lr, () -> "epoch " + epoch + " step " + (bIndex + 1));
      totals.add(result.total(), result.terms());
      double seconds = (System.nanoTime() - started) / 1e9;
      Duration eta = pace.stepDone(seconds);
      listener.onStep(
          new StepProgress(
              epoch,
              recipe.schedule().epochs(),
              b + 1,
              batches.size(),
              result.total(),
              result.terms(),
              lr,
              result.norm(),
              batch.length / seconds,
              eta));
    }
    return Optional.of(totals);
  }

  private TrainingOutcome finish(
      TrainingSetup setup, TrainerState state, SplitPlan plan, CodeEncoder encoder)
      throws IOException {
    int last = state.epoch();
    int selected = state.bestEpoch() > 0 ? state.bestEpoch() : last;
    if (selected != last) {
      Checkpoint.load(run.checkpoint(selected), setup.parameters(), null);
    }
    Optional<RetrievalReport> test = Optional.empty();
    if (!plan.test().isEmpty()) {
      test =
          Optional.of(
              RetrievalMetrics.evaluate(
                  encoder.encode(plan.test()),
                  CodeEncoder.labels(plan.test()),
                  encoder.encode(plan.database()),
                  CodeEncoder.labels(plan.database())));
    }
    List<TrainerState.Validation> validation = state.validation();
    new RunMetrics(
            state.bestEpoch() > 0 ? "best validation mAP@all" : "last epoch (no validation)",
            selected,
            run.root().relativize(run.checkpoint(selected)).toString(),
            last,
            validation.stream()
                .filter(v -> v.epoch() == state.bestEpoch())
                .findFirst()
                .orElse(null),
            validation.isEmpty() ? null : validation.get(validation.size() - 1),
            validation,
            test.orElse(null))
        .write(run);
    return new TrainingOutcome(true, last, selected, Optional.of(run.checkpoint(selected)), test);
  }

  /** Sums of one epoch's losses. */
  private static final class EpochTotals {
    private double loss;
    private final Map<String, Double> terms = new LinkedHashMap<>();
    private int steps;

    void add(float total, Map<String, Float> values) {
      loss += total;
      values.forEach((k, v) -> terms.merge(k, (double) v, Double::sum));
      steps++;
    }

    EpochSummary summary(
        int epoch, int epochs, double lr, RetrievalReport validation, boolean best) {
      Map<String, Float> means = new LinkedHashMap<>();
      terms.forEach((k, v) -> means.put(k, (float) (v / steps)));
      return new EpochSummary(
          epoch, epochs, (float) (loss / steps), means, lr, Optional.ofNullable(validation), best);
    }
  }

  /** Remaining-time estimate from the mean step time of this session. */
  private static final class Pace {
    private final long totalSteps;
    private long done;
    private double seconds;

    Pace(int epochs, int stepsPerEpoch) {
      this.totalSteps = (long) epochs * stepsPerEpoch;
    }

    Duration stepDone(double stepSeconds) {
      done++;
      seconds += stepSeconds;
      return Duration.ofMillis((long) (1000 * seconds / done * Math.max(0, totalSteps - done)));
    }
  }
}
