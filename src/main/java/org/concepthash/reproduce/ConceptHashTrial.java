package org.concepthash.reproduce;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concepthash.data.Dataset;
import org.concepthash.data.LabelledImage;
import org.concepthash.data.Split;
import org.concepthash.encode.Encoder;
import org.concepthash.encode.EncoderOptions;
import org.concepthash.encode.Encoding;
import org.concepthash.encode.eval.EvaluationReport;
import org.concepthash.encode.eval.RetrievalEvaluation;
import org.concepthash.export.RunExporter;
import org.concepthash.model.CropWindow;
import org.concepthash.train.CancellationToken;
import org.concepthash.train.Recipe;
import org.concepthash.train.RunDirectory;
import org.concepthash.train.SplitPlan;
import org.concepthash.train.Trainer;
import org.concepthash.train.TrainingListener;
import org.concepthash.train.TrainingOutcome;

/**
 * One ConceptHash row on one seed, through the product's own pipeline: {@code train} (the trainer),
 * {@code export} (the ONNX package with its parity self-check) and {@code eval} (retrieval, the
 * localisation error and the part consistency of the package), plus the overlap of the concepts'
 * attention maps over the query images.
 */
final class ConceptHashTrial {

  /** Query images drawn in the overlay figure, spread over the classes. */
  private static final int FIGURE_ROWS = 4;

  private ConceptHashTrial() {}

  /**
   * @param figure where to draw the attention overlays, empty for none
   */
  static RunResult run(
      Configuration configuration,
      Recipe recipe,
      int seed,
      Long worldSeed,
      Dataset dataset,
      Path dataRoot,
      Path runRoot,
      int threads,
      Optional<Path> figure,
      CancellationToken cancel)
      throws IOException {
    long started = System.nanoTime();
    TrainingOutcome outcome =
        Trainer.standard(recipe, dataset, dataRoot, new RunDirectory(runRoot))
            .run(false, cancel, new TrainingListener() {});
    double seconds = (System.nanoTime() - started) / 1e9;
    if (!outcome.completed()) {
      throw new CancelledException();
    }
    Path model = runRoot.resolve("model.zip");
    RunExporter.export(runRoot, model, new RunExporter.Options(threads, List.of()));
    EvaluationReport report;
    AttentionOverlap overlap = new AttentionOverlap();
    try (Encoder encoder = Encoder.open(model, EncoderOptions.cpu(threads))) {
      report = RetrievalEvaluation.ofModel(encoder, model, dataset, dataRoot, n -> {});
      measureOverlap(encoder, dataset.split(Split.TEST), overlap, figure);
    }
    int fitted =
        SplitPlan.carve(dataset, recipe.data().validationFraction(), recipe.seed()).fit().size();
    return new RunResult(
        configuration.id(),
        configuration.data().name(),
        configuration.method().name(),
        configuration.label(),
        seed,
        worldSeed,
        report.bits(),
        recipe.schedule().epochs(),
        fitted,
        report.queries(),
        report.database(),
        report.classes().mapAll(),
        report.families() == null ? null : report.families().mapAll(),
        report.classes().precisionAt1(),
        report.classes().precisionAt5(),
        report.classes().precisionAt10(),
        report.localisation() == null ? null : report.localisation().mean(),
        report.parts() == null ? null : report.parts().meanPurity(),
        report.parts() == null ? null : report.parts().chance().purity(),
        report.parts() == null ? null : report.parts().distinctDominantParts(),
        overlap.meanCosine(),
        overlap.meanTopIou(),
        seconds,
        threads);
  }

  private static void measureOverlap(
      Encoder encoder, List<LabelledImage> queries, AttentionOverlap overlap, Optional<Path> figure)
      throws IOException {
    int step = Math.max(1, queries.size() / FIGURE_ROWS);
    List<BufferedImage> shown = new ArrayList<>();
    List<Encoding> shownCodes = new ArrayList<>();
    List<CropWindow> windows = new ArrayList<>();
    for (int start = 0; start < queries.size(); start += 64) {
      List<BufferedImage> images = new ArrayList<>();
      for (LabelledImage item : queries.subList(start, Math.min(queries.size(), start + 64))) {
        images.add(item.image().decode());
      }
      List<Encoding> encodings = encoder.encode(images);
      for (int i = 0; i < images.size(); i++) {
        overlap.add(encodings.get(i).attention());
        if ((start + i) % step == 0 && shown.size() < FIGURE_ROWS) {
          BufferedImage image = images.get(i);
          shown.add(image);
          shownCodes.add(encodings.get(i));
          windows.add(CropWindow.of(encoder.preprocessor(), image.getWidth(), image.getHeight()));
        }
      }
    }
    if (figure.isPresent() && !shown.isEmpty()) {
      OverlayFigure.write(shown, shownCodes, windows, figure.get());
    }
  }

  /** The run was stopped before its last epoch; nothing is recorded for it. */
  static final class CancelledException extends RuntimeException {
    CancelledException() {
      super("training stopped before its last epoch");
    }
  }
}
