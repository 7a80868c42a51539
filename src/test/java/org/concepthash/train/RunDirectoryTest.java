package org.concepthash.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.concepthash.testing.TestFiles;
import org.junit.jupiter.api.Test;

/**
 * The epoch history a resumed run reads back from progress.jsonl, including after a kill mid-line.
 */
class RunDirectoryTest {

  private static String step(int epoch) {
    return "{\"type\":\"step\",\"epoch\":"
        + epoch
        + ",\"step\":1,\"stepsPerEpoch\":1,\"loss\":9.0}";
  }

  private static String epoch(int epoch, double loss, boolean validated) {
    return "{\"type\":\"epoch\",\"epoch\":"
        + epoch
        + ",\"loss\":"
        + loss
        + ",\"terms\":{\"clf\":"
        + loss
        + ",\"quan\":0.5},\"lr\":0.01"
        + (validated
            ? ",\"validation\":{\"mapAll\":0.25,\"precisionAt1\":0.5,\"precisionAt5\":0.4,\"precisionAt10\":0.3,"
                  + "\"queries\":4,\"databaseSize\":20}"
            : "")
        + ",\"best\":"
        + validated
        + "}";
  }

  @Test
  void finishedEpochsAreReadOncePerEpochUpToTheCheckpointAndATornLineIsIgnored() throws Exception {
    Path dir = Files.createTempDirectory("ch-run");
    try {
      RunDirectory run = new RunDirectory(dir);
      Files.writeString(
          run.file(RunDirectory.PROGRESS),
          String.join(
                  "\n",
                  step(1),
                  epoch(1, 3.0, false),
                  step(2),
                  epoch(2, 2.0, true),
                  step(3),
                  epoch(3, 1.9, false),
                  step(3),
                  epoch(3, 1.5, false), // epoch 3 repeated by an old resume
                  step(4),
                  epoch(4, 1.2, false),
                  "{\"type\":\"epoch\",\"epoch\":5,\"lo")
              + "\n"); // killed mid-line

      List<EpochSummary> upTo3 = run.finishedEpochs(3, 10);
      assertEquals(List.of(1, 2, 3), upTo3.stream().map(EpochSummary::epoch).toList());
      assertEquals(1.5f, upTo3.get(2).meanLoss(), "the last line of a repeated epoch wins");
      assertEquals(10, upTo3.get(0).epochs());
      assertEquals(0.5f, upTo3.get(0).meanTerms().get("quan"));
      assertTrue(upTo3.get(1).validation().isPresent());
      assertEquals(0.25, upTo3.get(1).validation().get().mapAll());
      assertTrue(upTo3.get(1).best());
      assertFalse(upTo3.get(0).validation().isPresent());

      assertEquals(
          List.of(1, 2, 3, 4),
          run.finishedEpochs(99, 10).stream().map(EpochSummary::epoch).toList());

      run.truncateProgress(2); // the torn line must not stop a resume
      assertEquals(
          List.of(1, 2), run.finishedEpochs(99, 10).stream().map(EpochSummary::epoch).toList());
      assertEquals(4, Files.readAllLines(run.file(RunDirectory.PROGRESS)).size());
    } finally {
      TestFiles.deleteRecursively(dir);
    }
  }
}
