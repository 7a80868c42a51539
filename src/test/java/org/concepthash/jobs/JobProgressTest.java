package org.concepthash.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concepthash.encode.eval.EvaluationReport;
import org.concepthash.search.RetrievalReport;
import org.concepthash.train.EpochSummary;
import org.junit.jupiter.api.Test;

/**
 * A resumed job's loss history: every finished epoch once, whatever its last heartbeat had written.
 */
class JobProgressTest {

  private static EpochSummary epoch(int e, boolean validated) {
    return new EpochSummary(
        e,
        10,
        5f - e * 0.1f,
        Map.of("clf", 1f),
        0.01,
        validated ? Optional.of(new RetrievalReport(0.2, 0.3, 0.3, 0.3, 4, 20)) : Optional.empty(),
        false);
  }

  private static TrainingJob row(String progress) {
    return new TrainingJob(
        1,
        JobState.RUNNING,
        JobStage.TRAIN,
        null,
        progress,
        null,
        "dead-worker",
        null,
        false,
        40,
        "",
        "test",
        Instant.EPOCH,
        Instant.EPOCH,
        Instant.EPOCH,
        null);
  }

  private static List<Integer> epochsOf(String json, String key) {
    List<Integer> epochs = new ArrayList<>();
    for (JsonElement e : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray(key)) {
      epochs.add(e.getAsJsonObject().get("epoch").getAsInt());
    }
    return epochs;
  }

  @Test
  void theJobRowGivesBackTheReportsItsProgressRecorded() {
    JobProgress progress = JobProgress.of(row(null));
    progress.onEpoch(epoch(2, true));
    progress.onEpoch(epoch(3, false));
    RetrievalReport test = new RetrievalReport(0.5, 0.6, 0.55, 0.5, 8, 40);
    progress.test(test);
    EvaluationReport evaluation =
        new EvaluationReport(
            "model.zip", "m-1", "data", 16, 8, 40, test, null, 0, null, null, 12.5);
    progress.evaluation(evaluation);

    TrainingJob job = row(progress.json());
    assertEquals(List.of(new EpochValidation(2, 0.2, 0.3)), job.validations());
    assertEquals(Optional.of(test), job.test());
    assertEquals(Optional.of(evaluation), job.evaluation());
  }

  @Test
  void aRowBeforeTheReportsHasNone() {
    TrainingJob job = row("{\"evaluations\":[{\"epoch\":7,\"mapAll\":0.1}]}");
    assertEquals(List.of(new EpochValidation(7, 0.1, 0)), job.validations(), "missing P@1 reads 0");
    assertEquals(Optional.empty(), job.test());
    assertEquals(Optional.empty(), job.evaluation());
  }

  @Test
  void aResumedJobHasEveryFinishedEpochOnce() {
    // the dead worker's last heartbeat came after epoch 1 (and an epoch 7 that had no checkpoint
    // yet);
    // it had finished epochs up to 4, each with a checkpoint and a line in progress.jsonl
    JobProgress progress =
        JobProgress.of(
            row(
                "{\"epochLosses\":[{\"epoch\":1,\"loss\":4.9},{\"epoch\":7,\"loss\":4.0}],"
                    + "\"evaluations\":[{\"epoch\":7,\"mapAll\":0.1}]}"));
    progress.restoreEpochs(
        List.of(epoch(1, false), epoch(2, true), epoch(3, false), epoch(4, true)));
    for (int e = 5; e <= 10; e++) {
      progress.onEpoch(epoch(e, e % 2 == 0));
    }
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), epochsOf(progress.json(), "epochLosses"));
    assertEquals(List.of(2, 4, 6, 8, 10), epochsOf(progress.json(), "evaluations"));
  }
}
