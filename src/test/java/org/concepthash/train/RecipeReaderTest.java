package org.concepthash.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.concepthash.model.CentreSource;
import org.concepthash.model.ConceptAttention;
import org.concepthash.model.ConceptHashConfig;
import org.concepthash.model.ConceptTokenMode;
import org.junit.jupiter.api.Test;

class RecipeReaderTest {

  @Test
  void defaultsAreTheReferenceRecipe() {
    Recipe r = parse("name: x");
    assertEquals(ConceptHashConfig.vitB32(), r.model());
    assertEquals(new Recipe.Optimizer(1e-3, 0.9, 5e-4, 0), r.optimizer());
    assertEquals(new Recipe.Schedule(100, 10), r.schedule());
    assertEquals(new Recipe.Loss(1, 1, 1, 1, 0.125, 0.2), r.loss());
    assertEquals(CentreSource.LANGUAGE, r.centres().source());
    assertTrue(r.centres().binarise());
    assertEquals(32, r.batchSize());
    assertEquals(42, r.seed());
    assertTrue(r.pretrained().isEmpty());
  }

  @Test
  void aPresetCanBeOverriddenFieldByField() {
    Recipe r =
        parse(
            """
            name: x
            model: {preset: tiny, layers: 2, bits: 16, conceptTokens: direct}
            """);
    assertEquals(2, r.model().geometry().layers());
    assertEquals(64, r.model().geometry().imageSize());
    assertEquals(16, r.model().bits());
    assertEquals(ConceptTokenMode.DIRECT, r.model().conceptTokens());
  }

  @Test
  void anUnknownKeyIsAnErrorThatNamesIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> parse("name: x\noptimizer: {lr: 0.1, momentun: 0.9}\n"));
    assertTrue(e.getMessage().contains("optimizer.momentun"), e.getMessage());
    IllegalArgumentException top =
        assertThrows(IllegalArgumentException.class, () -> parse("name: x\nepochs: 3\n"));
    assertTrue(top.getMessage().contains("epochs"), top.getMessage());
  }

  @Test
  void invalidValuesAreErrorsThatNameTheField() {
    assertMessage(
        "name: x\nmodel: {preset: tiny, bits: 30}\n",
        "bits (30) must be a multiple of concepts (4)");
    assertMessage("name: x\nmodel: {preset: tiny, patchSize: 7}\n", "geometry.imageSize");
    assertMessage("name: x\ncentres: {source: words}\n", "centres.source");
    assertMessage("name: x\nbatchSize: many\n", "batchSize");
    assertMessage("model: {preset: tiny}\n", "name is required");
    assertMessage(
        "name: x\nmodel: {preset: tiny, conceptAttention: local, pretrained: /w.safetensors}\n",
        "model.pretrained loads a CLIP tower");
    assertMessage(
        "name: x\nmodel: {preset: tiny, conceptAttention: local, patchSize: 6, imageSize: 60}\n",
        "power of two");
  }

  @Test
  void theCodeGeometryIsRefusedWhereTheRecipeIsRead() {
    assertMessage("name: x\nmodel: {preset: tiny, bits: 512}\n", "bits must be in 1..256, not 512");
    // 128 concepts divide 256 bits, but a concept mask has only 64 bits
    assertMessage(
        "name: x\nmodel: {preset: tiny, bits: 256, concepts: 128}\n",
        "concepts must be in 1..64 for 256 bits, not 128");
  }

  @Test
  void localConceptAttentionReadsAndWritesBack() {
    Recipe r = parse("name: x\nmodel: {preset: tiny, conceptAttention: local}\n");
    assertEquals(ConceptAttention.LOCAL, r.model().conceptAttention());
    assertEquals(r, parse(RecipeReader.write(r)));
    assertEquals(
        ConceptAttention.TOWER,
        parse("name: x\nmodel: {preset: tiny}\n").model().conceptAttention());
  }

  @Test
  void theWrittenRecipeReadsBackEqual() {
    Recipe r =
        parse(
            """
            name: x
            data: {format: parts}
            model: {preset: tiny, pretrained: /weights/model.safetensors}
            loss: {csd: 0}
            """);
    assertEquals(r, parse(RecipeReader.write(r)));
  }

  @Test
  void everyShippedRecipeIsValid() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("training/recipes"))) {
      long count =
          files
              .filter(f -> f.toString().endsWith(".yaml"))
              .peek(
                  f -> {
                    try {
                      RecipeReader.read(f);
                    } catch (IOException e) {
                      throw new AssertionError(e);
                    }
                  })
              .count();
      assertEquals(6, count);
    }
  }

  private static void assertMessage(String yaml, String part) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(yaml));
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }

  private static Recipe parse(String yaml) {
    return RecipeReader.parse(new StringReader(yaml), "test");
  }
}
