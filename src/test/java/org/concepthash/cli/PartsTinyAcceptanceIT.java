package org.concepthash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.concepthash.data.Datasets;
import org.concepthash.data.parts.PartsWorldConfig;
import org.concepthash.data.parts.PartsWorldWriter;
import org.concepthash.encode.Encoder;
import org.concepthash.encode.EncoderOptions;
import org.concepthash.encode.eval.PartConsistencyReport;
import org.concepthash.encode.eval.RetrievalEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance of issues 4 and 14: the shipped parts-tiny recipe, run through the {@code train} and
 * {@code export} commands on a 12-class parts world (40 images per class, 64 px), reaches held-out
 * mAP@all >= 0.5 (chance is about 0.08), and its concepts find parts: their attention peaks land on
 * one part clearly more often than random points in the bird's box do. The mean purity and at least
 * half of the concepts reach chance + 0.1, the line below which the app marks a concept unreliable
 * (measured here: 0.46 against chance 0.31, three of four concepts; issue 14's target of 0.7 is not
 * reached, see docs/interpretability.md). The time (about 2 minutes on an idle machine here) is
 * reported, not asserted: timing is for benchmarks, and a loaded CI machine must not fail a correct
 * model.
 */
class PartsTinyAcceptanceIT {

  @TempDir Path dir;

  @Test
  void partsTinyRecipeReachesHalfMapOnHeldOutImagesAndItsConceptsFindParts() throws Exception {
    Path data = dir.resolve("parts-world");
    PartsWorldWriter.write(
        new PartsWorldConfig(12, 40, 64, 42, PartsWorldConfig.DEFAULT_TRAIN_FRACTION),
        data,
        i -> {});
    Path run = dir.resolve("run");
    long started = System.nanoTime();
    int exit =
        Main.run(
            "train",
            "--recipe",
            "training/recipes/parts-tiny.yaml",
            "--data",
            data.toString(),
            "--out",
            run.toString());
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertEquals(0, exit);
    JsonObject test =
        JsonParser.parseString(Files.readString(run.resolve("metrics.json")))
            .getAsJsonObject()
            .getAsJsonObject("test");
    double map = test.get("mapAll").getAsDouble();
    System.out.printf(
        "parts-tiny: test mAP@all %.4f over %d queries in %s%n",
        map, test.get("queries").getAsInt(), elapsed);
    assertEquals(240, test.get("queries").getAsInt());
    assertTrue(map >= 0.5, "held-out mAP@all " + map);

    Path model = dir.resolve("model.zip");
    assertEquals(0, Main.run("export", "--run", run.toString(), "--out", model.toString()));
    PartConsistencyReport parts;
    try (Encoder encoder = Encoder.open(model, EncoderOptions.cpu(2))) {
      parts =
          RetrievalEvaluation.ofModel(
                  encoder, model, Datasets.read(data, Optional.empty()), data, n -> {})
              .parts();
    }
    System.out.printf(
        "parts-tiny: mean part purity %.3f (chance %.3f), %d distinct parts, per concept %s%n",
        parts.meanPurity(),
        parts.chance().purity(),
        parts.distinctDominantParts(),
        parts.concepts().stream().map(PartConsistencyReport.ConceptParts::summary).toList());
    assertEquals(240, parts.images());
    double reliable = parts.chance().purity() + PartConsistencyReport.RELIABILITY_MARGIN;
    assertTrue(
        parts.meanPurity() >= reliable,
        "mean purity " + parts.meanPurity() + ", chance " + parts.chance());
    long reliableConcepts = parts.concepts().stream().filter(c -> c.purity() >= reliable).count();
    assertTrue(
        2 * reliableConcepts >= parts.concepts().size(), reliableConcepts + " reliable concepts");
  }
}
