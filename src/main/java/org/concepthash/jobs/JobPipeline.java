package org.concepthash.jobs;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.concepthash.catalog.CatalogConfig;
import org.concepthash.catalog.CatalogException;
import org.concepthash.catalog.ErrorKind;
import org.concepthash.catalog.store.ImageStore;
import org.concepthash.data.Dataset;
import org.concepthash.data.Split;
import org.concepthash.encode.Encoder;
import org.concepthash.encode.EncoderOptions;
import org.concepthash.encode.eval.EvaluationReport;
import org.concepthash.encode.eval.PartConsistencyReport;
import org.concepthash.encode.eval.RetrievalEvaluation;
import org.concepthash.export.RunExporter;
import org.concepthash.onnx.ModelPackage;
import org.concepthash.search.RetrievalReport;
import org.concepthash.serving.ModelRegistry;
import org.concepthash.serving.ModelVersion;
import org.concepthash.train.CancellationToken;
import org.concepthash.train.Recipe;
import org.concepthash.train.RunDirectory;
import org.concepthash.train.RunMetrics;
import org.concepthash.train.Trainer;
import org.concepthash.train.TrainingOutcome;

/**
 * The stages of one job: snapshot -> train -> evaluate -> export -> encode -> activate. Everything
 * a job produces lives in {@code <data-dir>/jobs/<id>/} ({@code run/} the training run, {@code
 * model.zip} the package), and every stage either finds its result there or continues from it: a
 * job taken over by another worker resumes training from the last epoch checkpoint and skips what
 * is finished.
 */
@Singleton
public class JobPipeline {

  /**
   * The package's held-out evaluation (class and family retrieval, concept localisation and parts),
   * JSON.
   */
  static final String EVALUATION = "evaluation.json";

  private static final Pattern CHECKPOINT = Pattern.compile("epoch-(\\d+)\\.safetensors");

  private final JobQueue queue;
  private final ImageStore images;
  private final RecipeCatalog recipes;
  private final ModelRegistry registry;
  private final Path jobsDir;

  JobPipeline(
      JobQueue queue,
      ImageStore images,
      RecipeCatalog recipes,
      ModelRegistry registry,
      CatalogConfig catalog,
      JobsConfig config) {
    this.queue = queue;
    this.images = images;
    this.recipes = recipes;
    this.registry = registry;
    this.jobsDir = catalog.dataDir().resolve("jobs");
    if (config.trainingThreads() > 0 && System.getProperty("ai.djl.pytorch.num_threads") == null) {
      // read once when the engine starts; leaves cores for serving while a job trains in the app
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(config.trainingThreads()));
    }
  }

  /** The folder of a job's run and package. */
  public Path jobDirectory(long jobId) {
    return jobsDir.resolve(Long.toString(jobId));
  }

  /**
   * Runs (or continues) a job to its end.
   *
   * @throws CancellationException when {@code cancel} was set; running the job again continues it
   */
  ModelVersion run(TrainingJob job, CancellationToken cancel, JobProgress progress)
      throws IOException {
    Path dir = jobDirectory(job.id());
    Path runDir = dir.resolve("run");
    Path packageFile = dir.resolve("model.zip");
    Files.createDirectories(dir);
    // grad mode is per thread (see Trainer.run); export and evaluation are inference on this thread
    // too
    ai.djl.engine.Engine.getInstance();
    ai.djl.pytorch.jni.JniUtils.setGradMode(false);

    progress.stage(JobStage.SNAPSHOT);
    Dataset dataset = CatalogDataset.of(queue.snapshot(job.id()), images);
    progress.set("images", dataset.items().size());
    progress.set("classes", dataset.classes().size());
    progress.log(
        dataset.items().size() + " labelled images in " + dataset.classes().size() + " classes");
    progress.stageDone(JobStage.SNAPSHOT);
    checkCancelled(cancel);

    progress.stage(JobStage.TRAIN);
    if (!Files.isRegularFile(runDir.resolve(RunDirectory.METRICS))) {
      train(job, dataset, runDir, cancel, progress);
    }
    progress.stageDone(JobStage.TRAIN);

    progress.stage(JobStage.EVALUATE);
    evaluate(runDir, progress);
    progress.stageDone(JobStage.EVALUATE);
    checkCancelled(cancel);

    progress.stage(JobStage.EXPORT);
    if (!Files.isRegularFile(packageFile)) {
      RunExporter.Result exported =
          RunExporter.export(
              runDir,
              packageFile,
              new RunExporter.Options(
                  Math.max(1, Runtime.getRuntime().availableProcessors() / 2), List.of()));
      progress.log("exported " + exported.manifest().id() + " (parity " + exported.parity() + ")");
    }
    EvaluationReport evaluation =
        scorePackage(packageFile, dataset, dir.resolve(EVALUATION), progress);
    progress.stageDone(JobStage.EXPORT);
    checkCancelled(cancel);

    progress.stage(JobStage.ENCODE);
    ModelVersion version =
        register(
            packageFile,
            job.createdBy(),
            cancel,
            progress,
            evaluation == null ? null : evaluation.parts());
    progress.set("modelVersion", version.id());
    progress.log(
        "catalog encoded with " + version.id() + " (" + version.encodedImages() + " images)");
    progress.stageDone(JobStage.ENCODE);

    if (job.request().activate()) {
      checkCancelled(cancel);
      progress.stage(JobStage.ACTIVATE);
      version = registry.activate(version.id(), job.createdBy());
      progress.log(version.id() + " is the active model");
      progress.stageDone(JobStage.ACTIVATE);
    }
    return version;
  }

  private void train(
      TrainingJob job, Dataset dataset, Path runDir, CancellationToken cancel, JobProgress progress)
      throws IOException {
    Recipe recipe = recipes.resolve(job.request());
    boolean resume = Files.isRegularFile(runDir.resolve(RunDirectory.RECIPE));
    if (resume) {
      int from = latestCheckpoint(runDir);
      progress.set("resumedFromEpoch", from);
      progress.restoreEpochs(
          new RunDirectory(runDir).finishedEpochs(from, recipe.schedule().epochs()));
      progress.log("resuming training from the checkpoint of epoch " + from);
    } else {
      progress.log(
          "training "
              + recipe.name()
              + ": "
              + recipe.model().bits()
              + " bits, "
              + recipe.schedule().epochs()
              + " epochs");
    }
    TrainingOutcome outcome =
        Trainer.standard(recipe, dataset, images.root(), new RunDirectory(runDir))
            .run(resume, cancel, progress);
    if (!outcome.completed()) {
      throw new CancellationException(
          "training stopped; the last checkpoint is epoch " + outcome.lastEpoch());
    }
  }

  private static void evaluate(Path runDir, JobProgress progress) throws IOException {
    RunMetrics metrics = RunMetrics.read(new RunDirectory(runDir));
    progress.set("selectedEpoch", metrics.selectedEpoch());
    RetrievalReport test = metrics.test();
    if (test != null) {
      progress.test(test);
      progress.log(
          String.format(
              java.util.Locale.ROOT,
              "held-out test: mAP@all %.4f, P@1 %.4f (%d queries)",
              test.mapAll(),
              test.precisionAt1(),
              test.queries()));
    } else {
      progress.log("no held-out test images in the snapshot; selected by " + metrics.selection());
    }
  }

  /**
   * Scores the exported package as search will run it (ONNX Runtime) on the held-out split: class
   * and family mAP and, where the catalog has part keypoints, the localisation error and part
   * consistency of each concept. Null when the snapshot has no held-out split.
   */
  private EvaluationReport scorePackage(
      Path packageFile, Dataset dataset, Path reportFile, JobProgress progress) throws IOException {
    if (!Files.isRegularFile(reportFile)) {
      if (dataset.split(Split.TEST).isEmpty() || dataset.split(Split.TRAIN).isEmpty()) {
        return null;
      }
      EncoderOptions options =
          new EncoderOptions(true, Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 32);
      try (Encoder encoder = Encoder.open(packageFile, options)) {
        EvaluationReport report =
            RetrievalEvaluation.ofModel(encoder, packageFile, dataset, images.root(), n -> {});
        Files.writeString(reportFile, report.toJson());
      }
    }
    EvaluationReport report = EvaluationReport.fromJson(Files.readString(reportFile));
    progress.evaluation(report);
    if (report.families() != null) {
      progress.log(
          String.format(
              java.util.Locale.ROOT,
              "package on the held-out split: family mAP@all %.4f",
              report.families().mapAll()));
    }
    if (report.parts() != null) {
      progress.log(
          String.format(
              java.util.Locale.ROOT,
              "concept-part purity %.2f (chance %.2f), %d distinct"
                  + " dominant parts over %d annotated images",
              report.parts().meanPurity(),
              report.parts().chance().purity(),
              report.parts().distinctDominantParts(),
              report.parts().images()));
    }
    return report;
  }

  /**
   * Registers the package with the part consistency this job measured; an identical network
   * registered before (same model id) is reused.
   */
  private ModelVersion register(
      Path packageFile,
      String actor,
      CancellationToken cancel,
      JobProgress progress,
      PartConsistencyReport parts)
      throws IOException {
    try {
      return registry.register(packageFile, actor, progress::encoded, cancel::isCancelled, parts);
    } catch (CatalogException e) {
      String id = ModelPackage.read(packageFile).manifest().id();
      if (e.kind() != ErrorKind.CONFLICT || registry.packageFile(id).isEmpty()) {
        throw e;
      }
      progress.log("an identical model is registered already as " + id + "; using it");
      return registry.register(
          registry.packageFile(id).get(), actor, progress::encoded, cancel::isCancelled, parts);
    }
  }

  private static int latestCheckpoint(Path runDir) throws IOException {
    Path dir = runDir.resolve(RunDirectory.CHECKPOINTS);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> CHECKPOINT.matcher(f.getFileName().toString()))
          .filter(Matcher::matches)
          .mapToInt(m -> Integer.parseInt(m.group(1)))
          .max()
          .orElse(0);
    }
  }

  private static void checkCancelled(CancellationToken cancel) {
    if (cancel.isCancelled()) {
      throw new CancellationException("cancelled");
    }
  }
}
