package org.concepthash.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import java.util.Map;
import org.concepthash.model.ConceptAttention;
import org.concepthash.model.ConceptHashConfig;
import org.concepthash.model.ConceptTokenMode;
import org.concepthash.model.ProbeImages;
import org.concepthash.model.TestNets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConceptHashGraphTest {

  @ParameterizedTest
  @EnumSource(ConceptTokenMode.class)
  void theExportedGraphMatchesTheDjlNetworkOnRandomInputs(ConceptTokenMode mode) throws Exception {
    ConceptHashConfig config = TestNets.micro(mode);
    try (RandomNetwork n = RandomNetwork.create(config, 11)) {
      byte[] onnx = export(n, config);
      int s = config.geometry().imageSize();
      for (int batch : new int[] {1, 3}) {
        float[] images = ProbeImages.generate(batch, batch, s);
        ParityReport report =
            ParityCheck.compare(
                ParityCheck.reference(n.net(), n.parameters(), images, batch),
                ParityCheck.exported(onnx, images, batch, s, 1));
        assertTrue(report.passes(), report.toString());
        assertTrue(report.confidentBits() > batch * config.bits() / 2, report.toString());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ConceptTokenMode.class)
  void localConceptAttentionExportsWithItsBatchNormsFolded(ConceptTokenMode mode) throws Exception {
    ConceptHashConfig config = TestNets.micro(mode, ConceptAttention.LOCAL);
    try (RandomNetwork n = RandomNetwork.create(config, 12)) {
      assertTrue(n.parameters().withPrefix("vision.").isEmpty(), "LOCAL builds no tower");
      byte[] onnx = export(n, config);
      int s = config.geometry().imageSize();
      float[] images = ProbeImages.generate(3, 3, s);
      ParityReport report =
          ParityCheck.compare(
              ParityCheck.reference(n.net(), n.parameters(), images, 3),
              ParityCheck.exported(onnx, images, 3, s, 1));
      assertTrue(report.passes(), report.toString());
      assertTrue(report.confidentBits() > 3 * config.bits() / 2, report.toString());
    }
  }

  static byte[] export(RandomNetwork n, ConceptHashConfig config) {
    OnnxMl.ModelProto model = ConceptHashGraph.build(n.parameters(), config, "test", Map.of());
    assertEquals(OnnxGraph.OPSET, model.getOpsetImport(0).getVersion());
    return model.toByteArray();
  }
}
