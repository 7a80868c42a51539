package org.concepthash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.concepthash.data.parts.PartsWorldConfig;
import org.concepthash.data.parts.PartsWorldWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance of issue 4: the shipped parts-tiny recipe, run through the {@code train} command on a 12-class
 * parts world (40 images per class, 64 px), reaches held-out mAP@all >= 0.5 (chance is about 0.08). The
 * time limit (15 minutes on 2 cores; about 2 minutes on an idle machine here) is reported, not asserted:
 * timing is for benchmarks, and a loaded CI machine must not fail a correct model.
 */
class PartsTinyAcceptanceIT {

  @TempDir
  Path dir;

  @Test
  void partsTinyRecipeReachesHalfMapOnHeldOutImages() throws Exception {
    Path data = dir.resolve("parts-world");
    PartsWorldWriter.write(new PartsWorldConfig(12, 40, 64, 42, PartsWorldConfig.DEFAULT_TRAIN_FRACTION), data,
        i -> {});
    Path run = dir.resolve("run");
    long started = System.nanoTime();
    int exit = Main.run("train", "--recipe", "training/recipes/parts-tiny.yaml", "--data", data.toString(),
        "--out", run.toString());
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

    assertEquals(0, exit);
    JsonObject test = JsonParser.parseString(Files.readString(run.resolve("metrics.json"))).getAsJsonObject()
        .getAsJsonObject("test");
    double map = test.get("mapAll").getAsDouble();
    System.out.printf("parts-tiny: test mAP@all %.4f over %d queries in %s%n", map, test.get("queries").getAsInt(),
        elapsed);
    assertEquals(240, test.get("queries").getAsInt());
    assertTrue(map >= 0.5, "held-out mAP@all " + map);
  }
}
