package org.concepthash.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PyTorch peer computes the exported graph's function: on a micro geometry with random weights
 * its codes and attention maps equal ONNX Runtime's. Needs /usr/bin/python3 with torch (Debian
 * python3-torch); skipped where it is missing (.ci/run installs it).
 */
class EncodePeerParityIT {

  private static final String PYTHON = "/usr/bin/python3";

  @Test
  void thePeerEncodesLikeTheExportedGraph() throws Exception {
    String missing = TorchPeer.unavailableReason(PYTHON);
    assumeTrue(missing == null, "no PyTorch peer: " + missing);
    List<JsonObject> lines = new ArrayList<>();
    new EncodeBenchmark(
            new EncodeBenchmark.Options(List.of("micro"), List.of(1, 4), 1, 2, PYTHON, 64),
            System.err)
        .run(line -> lines.add(JsonParser.parseString(line).getAsJsonObject()));
    assertEquals(
        List.of("gemm_peak", "micro/parity", "micro/batch1", "micro/batch4"),
        lines.stream().map(o -> o.get("case").getAsString()).toList());
    JsonObject parity = lines.get(1);
    assertTrue(parity.get("agree").getAsBoolean(), parity.toString());
    assertTrue(parity.get("confident_bits").getAsInt() > 0, parity.toString());
    JsonObject batch4 = lines.get(3);
    assertEquals(4, batch4.get("batch").getAsInt());
    assertTrue(
        batch4.get("ours_gflops").getAsDouble() > 0 && batch4.get("torch_gflops").getAsDouble() > 0,
        batch4.toString());
    assertTrue(lines.get(0).get("peak_gflops").getAsDouble() > 0, lines.get(0).toString());
  }
}
