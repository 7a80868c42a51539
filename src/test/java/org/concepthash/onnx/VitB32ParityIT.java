package org.concepthash.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.concepthash.model.ConceptHashConfig;
import org.concepthash.model.ProbeImages;
import org.junit.jupiter.api.Test;

/**
 * Parity at the real geometry (ViT-B/32, 224 px, width 768, 12 layers, M = 4, K = 64, generated
 * concept tokens) with random weights in every tensor. Slow on 2 cores (tens of seconds, about 2 GB
 * of heap), hence an IT.
 */
class VitB32ParityIT {

  @Test
  void theExportedVitB32GraphMatchesTheDjlNetwork() throws Exception {
    ConceptHashConfig config = ConceptHashConfig.vitB32();
    try (RandomNetwork n = RandomNetwork.create(config, 32)) {
      byte[] onnx = ConceptHashGraph.build(n.parameters(), config, "test", Map.of()).toByteArray();
      float[] images = ProbeImages.generate(4, 2, 224);
      ParityReport report =
          ParityCheck.compare(
              ParityCheck.reference(n.net(), n.parameters(), images, 2),
              ParityCheck.exported(
                  onnx, images, 2, 224, Runtime.getRuntime().availableProcessors()));
      System.out.println("ViT-B/32 parity: " + report);
      assertTrue(report.passes(), report.toString());
      assertTrue(report.confidentBits() > 100, report.toString());
    }
  }
}
