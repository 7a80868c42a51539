package org.concepthash.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import org.concepthash.train.Recipe;
import org.junit.jupiter.api.Test;

class TrainCaseTest {

  private static JsonObject json(TrainCase c) {
    return JsonParser.parseString(TrainBenchmark.JSON.toJson(c.fields())).getAsJsonObject();
  }

  @Test
  void ratioIsOurStepOverThePeersAndTheTargetIsOneAndAQuarter() {
    TrainCase within =
        new TrainCase(
            "tiny",
            32,
            2,
            new Timing(1200, 1100, 2000),
            new Timing(1000, 900, 1900),
            Map.of("total", 2.0),
            Map.of("total", 2.0),
            new double[] {2.0},
            new double[] {2.0});
    JsonObject o = json(within);
    assertEquals("tiny/batch32", o.get("case").getAsString());
    assertEquals(1.2, o.get("ratio").getAsDouble(), 1e-9);
    assertEquals(32 / 1.2, o.get("ours_images_per_s").getAsDouble(), 1e-3);
    assertEquals(32.0, o.get("torch_images_per_s").getAsDouble(), 1e-9);
    assertTrue(o.get("within_target").getAsBoolean());
    TrainCase slower =
        new TrainCase(
            "tiny",
            32,
            2,
            new Timing(1300, 1100, 2000),
            new Timing(1000, 900, 1900),
            Map.of("total", 2.0),
            Map.of("total", 2.0),
            new double[] {2.0},
            new double[] {2.0});
    assertFalse(json(slower).get("within_target").getAsBoolean());
  }

  @Test
  void deviationsAreRelativeAndAMissingTermIsInfinite() {
    TrainCase c =
        new TrainCase(
            "tiny",
            4,
            1,
            new Timing(1, 1, 1),
            new Timing(1, 1, 1),
            Map.of("total", 2.002, "norm", 10.0),
            Map.of("total", 2.0, "norm", 10.0),
            new double[] {2.0, 1.0},
            new double[] {2.0, 1.01});
    assertEquals(0.001, c.firstStepDeviation(), 1e-9);
    assertEquals(0.01 / 1.01, c.trajectoryDeviation(), 1e-9);
    TrainCase missing =
        new TrainCase(
            "tiny",
            4,
            1,
            new Timing(1, 1, 1),
            new Timing(1, 1, 1),
            Map.of("total", 2.0, "csd", 0.5),
            Map.of("total", 2.0),
            new double[] {2.0},
            new double[] {2.0});
    assertEquals(Double.POSITIVE_INFINITY, missing.firstStepDeviation());
  }

  @Test
  void withoutThePeerTheTorchFieldsAreNull() {
    JsonObject o =
        json(
            new TrainCase(
                "tiny",
                4,
                1,
                new Timing(1, 1, 1),
                null,
                Map.of("total", 1.0),
                null,
                new double[] {1.0},
                null));
    assertTrue(o.get("ratio").isJsonNull());
    assertTrue(o.get("torch_first").isJsonNull());
    assertNull(
        new TrainCase("tiny", 4, 1, new Timing(1, 1, 1), null, Map.of(), null, new double[0], null)
            .trajectoryDeviation());
  }

  @Test
  void theBenchRecipeIsTheReferenceRecipeInTheChosenGeometry() {
    Recipe vit = TrainBenchmark.recipe("vitB32", 32, false);
    assertEquals(768, vit.model().geometry().width());
    assertEquals(0.1f, vit.model().generatorDropout());
    assertTrue(vit.pretrained().isEmpty());
    assertEquals(1.0, vit.loss().cd());
    assertEquals(1.0, vit.loss().csd());
    Recipe micro = TrainBenchmark.recipe("micro", 4, true);
    assertEquals(32, micro.model().geometry().imageSize());
    assertEquals(0f, micro.model().generatorDropout());
  }
}
