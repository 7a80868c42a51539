package org.concepthash.jobs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.concepthash.encode.eval.EvaluationReport;
import org.concepthash.search.RetrievalReport;
import org.concepthash.train.EpochSummary;
import org.concepthash.train.StepProgress;
import org.concepthash.train.TrainingListener;

/**
 * The progress and log of a running job, kept by its worker and written with every heartbeat. The
 * {@code progress} JSON object (the REST job's {@code progress}, the Training view's charts):
 *
 * <pre>
 * stage, stagesDone[]                     pipeline position
 * images, classes                         data snapshot
 * epoch, epochs, step, steps              position in training (1-based)
 * loss, terms{clf,quan,cd,csd}, lr        the last step
 * imagesPerSecond, etaSeconds             throughput and remaining training time
 * curve[] {x, loss, terms}                per-step losses, x = epoch - 1 + step / steps (thinned to 400)
 * epochLosses[] {epoch, loss, terms}      per-epoch means
 * evaluations[] {epoch, mapAll, precisionAt1}   validation mAP per evaluation
 * test {mapAll, precisionAt1, precisionAt5, precisionAt10, queries, databaseSize}   held-out evaluation
 * evaluation {classes, families, familyCount, localisation{concepts[], mean}, parts{...}, ...}   the exported
 *     package: an {@link org.concepthash.encode.eval.EvaluationReport}, see {@link TrainingJob#evaluation()}
 *                                         scored with ONNX Runtime (encode.eval.EvaluationReport)
 * resumedFromEpoch                        set when a worker continued from a checkpoint
 * encoded, toEncode                       catalog encoding
 * modelVersion                            the version the job produced
 * </pre>
 */
final class JobProgress implements TrainingListener {

  private static final int CURVE_POINTS = 400;
  private static final int LOG_LINES = 300;

  private final JsonObject progress;
  private final Deque<String> log = new ArrayDeque<>();
  private JobStage stage;

  private JobProgress(JsonObject progress, String log, JobStage stage) {
    this.progress = progress;
    this.stage = stage;
    log.lines().forEach(this.log::addLast);
  }

  /**
   * Continues from what the job's row holds (a job resumed by another worker keeps its history).
   */
  static JobProgress of(TrainingJob job) {
    JsonElement parsed =
        JsonParser.parseString(
            job.progress() == null || job.progress().isBlank() ? "{}" : job.progress());
    return new JobProgress(
        parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject(),
        job.log() == null ? "" : job.log(),
        job.stage());
  }

  synchronized JobStage stage() {
    return stage;
  }

  synchronized void stage(JobStage next) {
    stage = next;
    progress.addProperty("stage", next.lowerName());
    log("stage " + next.lowerName());
  }

  synchronized void stageDone(JobStage done) {
    JsonArray list = array("stagesDone");
    for (JsonElement e : list) {
      if (e.getAsString().equals(done.lowerName())) {
        return;
      }
    }
    list.add(done.lowerName());
  }

  synchronized void set(String key, Number value) {
    progress.addProperty(key, value);
  }

  synchronized void set(String key, String value) {
    progress.addProperty(key, value);
  }

  synchronized void set(String key, JsonElement value) {
    progress.add(key, value);
  }

  synchronized void log(String line) {
    log.addLast(Instant.now() + " " + line);
    while (log.size() > LOG_LINES) {
      log.removeFirst();
    }
  }

  @Override
  public synchronized void onStep(StepProgress p) {
    progress.addProperty("epoch", p.epoch());
    progress.addProperty("epochs", p.epochs());
    progress.addProperty("step", p.step());
    progress.addProperty("steps", p.stepsPerEpoch());
    progress.addProperty("loss", p.loss());
    progress.add("terms", terms(p.terms()));
    progress.addProperty("lr", p.lr());
    progress.addProperty("imagesPerSecond", round(p.imagesPerSecond()));
    progress.addProperty("etaSeconds", p.eta().toSeconds());
    JsonObject point = new JsonObject();
    point.addProperty("x", round(p.epoch() - 1 + (double) p.step() / p.stepsPerEpoch()));
    point.addProperty("loss", p.loss());
    point.add("terms", terms(p.terms()));
    JsonArray curve = array("curve");
    // an epoch repeated after a resume replaces its abandoned points
    JsonArray kept = new JsonArray();
    for (JsonElement e : curve) {
      if (e.getAsJsonObject().get("x").getAsDouble() < point.get("x").getAsDouble()) {
        kept.add(e);
      }
    }
    kept.add(point);
    if (kept.size() > CURVE_POINTS) {
      JsonArray thinned = new JsonArray();
      for (int i = 0; i < kept.size(); i++) {
        if (i % 2 == 1 || i == kept.size() - 1) {
          thinned.add(kept.get(i));
        }
      }
      kept = thinned;
    }
    progress.add("curve", kept);
  }

  @Override
  public synchronized void onEpoch(EpochSummary s) {
    record(s);
    log(
        String.format(
            Locale.ROOT,
            "epoch %d/%d done: loss %.4f%s",
            s.epoch(),
            s.epochs(),
            s.meanLoss(),
            s.validation()
                .map(v -> String.format(Locale.ROOT, ", validation mAP@all %.4f", v.mapAll()))
                .orElse("")));
  }

  private void record(EpochSummary s) {
    JsonObject epoch = new JsonObject();
    epoch.addProperty("epoch", s.epoch());
    epoch.addProperty("loss", s.meanLoss());
    epoch.add("terms", terms(s.meanTerms()));
    array("epochLosses").add(epoch);
    s.validation()
        .ifPresent(
            v ->
                array(TrainingJob.VALIDATIONS)
                    .add(
                        TrainingJob.GSON.toJsonTree(
                            new EpochValidation(s.epoch(), v.mapAll(), v.precisionAt1()))));
  }

  /**
   * On a resume: the per-epoch history becomes the run's own record of its finished epochs. The
   * job's copy was last written at the dead worker's last heartbeat, so it misses the epochs
   * finished after it and may hold epochs after the checkpoint, which are trained again.
   */
  synchronized void restoreEpochs(List<EpochSummary> finished) {
    progress.add("epochLosses", new JsonArray());
    progress.add(TrainingJob.VALIDATIONS, new JsonArray());
    finished.forEach(this::record);
  }

  synchronized void test(RetrievalReport t) {
    progress.add(TrainingJob.TEST, TrainingJob.GSON.toJsonTree(t));
  }

  synchronized void evaluation(EvaluationReport report) {
    progress.add(TrainingJob.EVALUATION, JsonParser.parseString(report.toJson()));
  }

  synchronized void encoded(long done, long total) {
    progress.addProperty("encoded", done);
    progress.addProperty("toEncode", total);
  }

  synchronized String json() {
    return progress.toString();
  }

  synchronized String logText() {
    return log.isEmpty() ? "" : String.join("\n", log) + "\n";
  }

  private JsonArray array(String key) {
    if (!progress.has(key) || !progress.get(key).isJsonArray()) {
      progress.add(key, new JsonArray());
    }
    return progress.getAsJsonArray(key);
  }

  private static JsonObject terms(Map<String, Float> terms) {
    JsonObject o = new JsonObject();
    terms.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> o.addProperty(e.getKey(), e.getValue()));
    return o;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
