package org.concepthash.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodeCaseTest {

  private static JsonObject json(EncodeCase c) {
    return JsonParser.parseString(EncodeBenchmark.JSON.toJson(c.fields())).getAsJsonObject();
  }

  @Test
  void throughputSpeedupAndPeakFractionComeFromTheTimings() {
    // 1 GFLOP per image, 32 images in 400 ms = 80 GFLOP/s; PyTorch 1000 ms; peak 100 GFLOP/s
    EncodeCase c =
        new EncodeCase(
            "vitB32",
            32,
            2,
            1_000_000_000L,
            new Timing(400, 350, 640),
            new Timing(1000, 900, 1800),
            100,
            60);
    JsonObject o = json(c);
    assertEquals("vitB32/batch32", o.get("case").getAsString());
    assertEquals(80.0, o.get("ours_images_per_s").getAsDouble(), 1e-9);
    assertEquals(80.0, o.get("ours_gflops").getAsDouble(), 1e-9);
    assertEquals(50.0, o.get("ours_cpu_gflops").getAsDouble(), 1e-9);
    assertEquals(32.0, o.get("torch_gflops").getAsDouble(), 1e-9);
    assertEquals(2.5, o.get("speedup").getAsDouble(), 1e-9);
    assertEquals(0.8, o.get("peak_fraction").getAsDouble(), 1e-9);
    assertEquals(50.0 / 60, o.get("cpu_peak_fraction").getAsDouble(), 1e-3);
    assertEquals(2.8125, o.get("cpu_speedup").getAsDouble(), 1e-3); // rounded to 3 digits
  }

  @Test
  void withoutThePeerTheTorchFieldsAreNull() {
    JsonObject o = json(new EncodeCase("tiny", 1, 1, 1000, new Timing(1, 1, 1), null, 10, 10));
    assertTrue(o.has("speedup"));
    assertTrue(o.get("speedup").isJsonNull());
    assertTrue(o.get("torch_ms").isJsonNull());
  }

  @Test
  void parityAgreesOnlyWithoutFlippedBitsAndWithinTolerance() {
    var ok =
        new EncodeBenchmark.Parity(
            "tiny", new org.concepthash.onnx.ParityReport(2, 1e-5, 1e-7, 60, 0));
    var flipped =
        new EncodeBenchmark.Parity(
            "tiny", new org.concepthash.onnx.ParityReport(2, 1e-5, 1e-7, 60, 1));
    var far =
        new EncodeBenchmark.Parity(
            "tiny", new org.concepthash.onnx.ParityReport(2, 0.01, 1e-7, 60, 0));
    assertTrue(ok.agrees());
    assertEquals(false, flipped.agrees());
    assertEquals(false, far.agrees());
    Map<String, Object> fields = ok.fields();
    assertEquals("tiny/parity", fields.get("case"));
    assertNull(fields.get("missing"));
  }
}
