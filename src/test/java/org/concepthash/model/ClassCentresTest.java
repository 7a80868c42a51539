package org.concepthash.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassCentresTest {

  @Test
  void promptReplacesUnderscores() {
    assertEquals(
        "a photo of a black footed albatross", ClassCentres.prompt("black_footed_albatross"));
  }

  @Test
  void miniLmPutsRelatedClassNamesCloserThanUnrelatedOnes() {
    try (TextEmbedder embedder = new MiniLmTextEmbedder()) {
      float[][] e =
          embedder.embed(
              List.of(
                  ClassCentres.prompt("black footed albatross"),
                  ClassCentres.prompt("laysan albatross"),
                  ClassCentres.prompt("audi s4 sedan 2012")));
      assertEquals(384, e[0].length);
      assertEquals(1.0, dot(e[0], e[0]), 1e-4, "embeddings are L2-normalised");
      assertTrue(
          dot(e[0], e[1]) > dot(e[0], e[2]) + 0.2,
          "albatross-albatross " + dot(e[0], e[1]) + " vs albatross-car " + dot(e[0], e[2]));
      assertArrayEquals(
          e[0], embedder.embed(List.of(ClassCentres.prompt("black footed albatross")))[0]);
    }
  }

  @Test
  void languageCentresProjectBinarisedEmbeddingsToCodeLength() {
    float[][] embeddings = {{0.3f, -0.1f, 0.5f}, {-0.2f, 0.4f, 0.1f}};
    try (ParameterSet params = new ParameterSet(Device.cpu(), 1)) {
      ClassCentres centres = ClassCentres.language(params.scope("centres"), embeddings, 8, true);
      assertEquals(new Shape(2, 8), centres.centres().getShape());
      assertArrayEquals(
          new float[] {1, -1, 1, -1, 1, 1}, params.get("centres.embeddings").values());
      assertFalse(params.get("centres.embeddings").isTrainable());
      assertTrue(params.get("centres.proj.fc1.weight").isTrainable());
    }
  }

  @Test
  void randomCentresAreFixedSignsAndLearnableCentresAreTrainable() {
    try (ParameterSet params = new ParameterSet(Device.cpu(), 1)) {
      ClassCentres random = ClassCentres.random(params.scope("r"), 3, 16);
      for (float v : random.centres().toFloatArray()) {
        assertEquals(1f, Math.abs(v));
      }
      assertFalse(params.get("r.weight").isTrainable());
      ClassCentres learnable = ClassCentres.learnable(params.scope("l"), 3, 16);
      assertEquals(new Shape(3, 16), learnable.centres().getShape());
      assertTrue(params.get("l.weight").isTrainable());
    }
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
