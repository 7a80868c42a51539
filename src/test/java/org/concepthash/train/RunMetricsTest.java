package org.concepthash.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.concepthash.search.RetrievalReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metrics.json}: the keys exporters and older runs rely on, and the record read back. */
class RunMetricsTest {

  private static JsonObject file(RunDirectory run) throws IOException {
    return JsonParser.parseString(Files.readString(run.file(RunDirectory.METRICS)))
        .getAsJsonObject();
  }

  @Test
  void aValidatedRunKeepsItsKeysAndReadsBack(@TempDir Path dir) throws IOException {
    RunDirectory run = new RunDirectory(dir);
    TrainerState.Validation best =
        new TrainerState.Validation(2, new RetrievalReport(0.5, 0.6, 0.5, 0.4, 3, 9));
    TrainerState.Validation last =
        new TrainerState.Validation(3, new RetrievalReport(0.45, 0.3, 0.4, 0.4, 3, 9));
    RunMetrics metrics =
        new RunMetrics(
            "best validation mAP@all",
            2,
            "checkpoints/epoch-0002.safetensors",
            3,
            best,
            last,
            List.of(best, last),
            new RetrievalReport(0.4, 0.25, 0.23, 0.34, 12, 12));
    metrics.write(run);

    JsonObject json = file(run);
    assertEquals(
        List.of(
            "selection",
            "selectedEpoch",
            "selectedCheckpoint",
            "epochs",
            "best",
            "final",
            "validation",
            "test"),
        List.copyOf(json.keySet()));
    assertEquals(3, json.getAsJsonObject("final").get("epoch").getAsInt());
    assertEquals(
        0.5, json.getAsJsonObject("best").getAsJsonObject("report").get("mapAll").getAsDouble());
    assertEquals(metrics, RunMetrics.read(run));
  }

  @Test
  void aRunWithoutValidationOrTestLeavesThoseKeysOut(@TempDir Path dir) throws IOException {
    RunDirectory run = new RunDirectory(dir);
    new RunMetrics(
            "last epoch (no validation)",
            4,
            "checkpoints/epoch-0004.safetensors",
            4,
            null,
            null,
            List.of(),
            null)
        .write(run);

    assertEquals(
        List.of("selection", "selectedEpoch", "selectedCheckpoint", "epochs", "validation"),
        List.copyOf(file(run).keySet()));
    RunMetrics read = RunMetrics.read(run);
    assertNull(read.best());
    assertNull(read.test());
    assertEquals(List.of(), read.validation());
  }
}
