package org.concepthash.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.concepthash.model.SafetensorsFile.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes tiny CLIP-layout safetensors files (F32, F16 and BF16 entries) and imports them. */
class ClipWeightImporterTest {

  private static final ConceptHashConfig CONFIG = TestNets.micro(ConceptTokenMode.GENERATED);

  @TempDir Path dir;

  @Test
  void everyTensorLandsInItsParameterWidenedToFloat32AndIsFrozen() throws IOException {
    Map<String, Tensor> tensors = ClipFixtures.clipLayout(CONFIG.geometry());
    Path file = dir.resolve("model.safetensors");
    SafetensorsFile.write(file, tensors, Map.of("format", "pt"));
    try (ParameterSet params = new ParameterSet(Device.cpu(), 1)) {
      new ConceptHashNet(params, CONFIG);
      ImportReport report = ClipWeightImporter.importVision(file, params);

      assertEquals(3 + 2 + 2 * 16, report.loaded().size()); // embeddings, ln_pre, 16 per layer
      for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
        String target = ClipKeyMap.target(e.getKey()).orElse(null);
        if (target == null) {
          assertTrue(report.unusedKeys().contains(e.getKey()), e.getKey());
          continue;
        }
        ModelParameter p = params.get(target);
        assertArrayEquals(widened(e.getValue()), p.values(), e.getKey() + " -> " + target);
        assertFalse(p.isTrainable(), target + " must be frozen");
      }
      assertEquals(
          params.get("vision.layers.1.self_attn.k_proj.weight").values()[5],
          widened(tensors.get("vision_model.encoder.layers.1.self_attn.k_proj.weight"))[5]);
      assertTrue(report.leftAtInitialisation().contains("vision.layers.0.adapter_attn.up.weight"));
      assertTrue(report.leftAtInitialisation().contains("hash.specificity"));
      assertTrue(params.get("vision.layers.0.adapter_mlp.down.weight").isTrainable());
      assertTrue(params.get("concepts.queries").isTrainable());
    }
  }

  @Test
  void anUnknownKeyFailsAndNamesIt() throws IOException {
    Map<String, Tensor> tensors = ClipFixtures.clipLayout(CONFIG.geometry());
    tensors.put("vision_model.encoder.extra.weight", new Tensor(new long[] {1}, new float[] {1}));
    assertImportFails(tensors, "vision_model.encoder.extra.weight");
  }

  @Test
  void aShapeMismatchFailsAndNamesTheKey() throws IOException {
    Map<String, Tensor> tensors = ClipFixtures.clipLayout(CONFIG.geometry());
    tensors.put(
        "vision_model.encoder.layers.0.mlp.fc1.bias", new Tensor(new long[] {3}, new float[3]));
    assertImportFails(tensors, "vision_model.encoder.layers.0.mlp.fc1.bias");
  }

  @Test
  void aMissingBackboneTensorFailsAndNamesTheExpectedKey() throws IOException {
    Map<String, Tensor> tensors = ClipFixtures.clipLayout(CONFIG.geometry());
    tensors.remove("vision_model.pre_layrnorm.bias");
    assertImportFails(tensors, "vision_model.pre_layrnorm.bias");
  }

  @Test
  void nothingIsWrittenWhenTheImportFails() throws IOException {
    Map<String, Tensor> tensors = ClipFixtures.clipLayout(CONFIG.geometry());
    tensors.remove("vision_model.pre_layrnorm.bias");
    Path file = dir.resolve("broken.safetensors");
    SafetensorsFile.write(file, tensors, Map.of());
    try (ParameterSet params = new ParameterSet(Device.cpu(), 1)) {
      new ConceptHashNet(params, CONFIG);
      float[] before = params.get("vision.embeddings.class_embedding").values();
      assertThrows(
          IllegalArgumentException.class, () -> ClipWeightImporter.importVision(file, params));
      assertArrayEquals(before, params.get("vision.embeddings.class_embedding").values());
      assertTrue(params.get("vision.embeddings.class_embedding").isTrainable());
    }
  }

  private void assertImportFails(Map<String, Tensor> tensors, String key) throws IOException {
    Path file = dir.resolve("bad.safetensors");
    SafetensorsFile.write(file, tensors, Map.of());
    try (ParameterSet params = new ParameterSet(Device.cpu(), 1)) {
      new ConceptHashNet(params, CONFIG);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> ClipWeightImporter.importVision(file, params));
      assertTrue(e.getMessage().contains(key), e.getMessage());
    }
  }

  private static float[] widened(Tensor t) {
    float[] out = new float[t.values().length];
    for (int i = 0; i < out.length; i++) {
      float v = t.values()[i];
      out[i] =
          switch (t.dtype()) {
            case F16 -> HalfPrecision.fromF16(HalfPrecision.toF16(v));
            case BF16 -> HalfPrecision.fromBf16(HalfPrecision.toBf16(v));
            default -> v;
          };
    }
    return out;
  }
}
