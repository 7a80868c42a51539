package org.concepthash.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.concepthash.accounts.Role;
import org.concepthash.data.Keypoint;
import org.concepthash.data.parts.GeneratedImage;
import org.concepthash.encode.Encoder;
import org.concepthash.encode.EncoderOptions;
import org.concepthash.encode.Encoding;
import org.concepthash.onnx.PackageFixtures;
import org.concepthash.testing.ApiClient;
import org.concepthash.testing.SearchCatalog;
import org.concepthash.testing.TestCatalog;
import org.concepthash.testing.TestImages;
import org.junit.jupiter.api.Test;

/**
 * Concept-part consistency through the API: a catalog whose parts-world birds carry their part
 * keypoints measures the micro model on registration, and {@code GET /api/models/active/concepts},
 * the model list, search and attention answers show it; the counts are checked against an
 * independent computation from the model's own attention maps. A catalog without keypoints shows
 * "not measured".
 */
class PartConsistencyApiIT {

  private static final int CLASSES = 6;
  private static final int PER_CLASS = 6;

  @Test
  void theConceptsOfAMeasuredModelShowThePartsAnIndependentCountFinds() throws Exception {
    try (TestCatalog app = TestCatalog.server()) {
      SearchCatalog.Seeded seeded =
          SearchCatalog.seed(app, CLASSES, PER_CLASS, SearchCatalog.Annotations.GENERATED);
      ApiClient viewer = ApiClient.as(app, Role.VIEWER);
      List<Map<String, Integer>> expected = independentCounts(seeded);
      int images = expected.get(0).values().stream().mapToInt(Integer::intValue).sum();
      assertEquals(CLASSES * PER_CLASS / 2, images, "every test-split image has keypoints");

      JsonNode concepts = viewer.getOk("/api/models/active/concepts");
      JsonNode all = concepts.get("partConsistency");
      assertNotNull(all, concepts.toString());
      assertEquals(images, all.get("images").asInt());
      double chance = all.get("chancePurity").asDouble();
      assertTrue(chance > 0 && chance <= 1, "chance " + chance);
      assertEquals(chance + 0.1, all.get("unreliableBelow").asDouble(), 1e-9);
      double meanPurity = 0;
      java.util.Set<String> dominant = new java.util.HashSet<>();
      for (int m = 0; m < 2; m++) {
        JsonNode c = concepts.get("concepts").get(m);
        Map<String, Integer> counts = expected.get(m);
        int top = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        String part =
            counts.entrySet().stream()
                .filter(e -> e.getValue() == top)
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst()
                .orElseThrow();
        double purity = (double) top / images;
        JsonNode p = c.get("parts");
        assertEquals(part, p.get("dominantPart").asText(), "concept " + m);
        assertEquals(purity, p.get("purity").asDouble(), 1e-12);
        Map<String, Integer> shown = new HashMap<>();
        p.get("parts").forEach(s -> shown.put(s.get("part").asText(), s.get("images").asInt()));
        assertEquals(counts, shown, "the whole distribution of concept " + m);
        String summary =
            part + " in " + Math.round(100 * purity) + "% of " + images + " annotated images";
        assertEquals(summary, c.get("part").asText());
        boolean unreliable = purity < chance + 0.1;
        assertEquals(unreliable ? "unreliable" : "reliable", c.get("reliability").asText());
        assertEquals(unreliable, p.get("unreliable").asBoolean());
        meanPurity += purity / 2;
        dominant.add(part);
      }
      assertEquals(meanPurity, all.get("meanPurity").asDouble(), 1e-12);
      assertEquals(dominant.size(), all.get("distinctDominantParts").asInt());

      JsonNode listed = null;
      for (JsonNode v : viewer.getOk("/api/models")) {
        if (v.get("id").asText().equals(seeded.model().id())) {
          listed = v;
        }
      }
      assertEquals(all, listed.get("partConsistency"), "the model list shows the same measurement");

      // search and attention answers carry the reliability; explanations mark the unreliable
      // concepts
      List<String> reliability = new ArrayList<>();
      concepts.get("concepts").forEach(c -> reliability.add(c.get("reliability").asText()));
      JsonNode answer =
          viewer.postOk("/api/search", "{\"imageId\":" + seeded.imageIds().get(1) + ",\"k\":10}");
      assertEquals(reliability, texts(answer.get("conceptReliability")));
      for (JsonNode r : answer.get("results")) {
        String explanation = r.get("explanation").asText();
        for (int m = 0; m < 2; m++) {
          String name = answer.get("concepts").get(m).asText();
          assertEquals(
              reliability.get(m).equals("unreliable"),
              explanation.contains(name + " (unreliable)"),
              explanation);
        }
      }
      JsonNode attention = viewer.getOk("/api/images/" + seeded.imageIds().get(0) + "/attention");
      assertEquals(reliability, texts(attention.get("conceptReliability")));
    }
  }

  @Test
  void aModelRegisteredOnACatalogWithoutKeypointsIsNotMeasured() throws Exception {
    try (TestCatalog app = TestCatalog.server()) {
      SearchCatalog.Seeded seeded = SearchCatalog.seed(app, 3, 4);
      ApiClient viewer = ApiClient.as(app, Role.VIEWER);
      JsonNode concepts = viewer.getOk("/api/models/active/concepts");
      assertTrue(concepts.get("partConsistency").isNull(), concepts.toString());
      for (JsonNode c : concepts.get("concepts")) {
        assertEquals("not measured", c.get("part").asText());
        assertEquals("not measured", c.get("reliability").asText());
        assertTrue(c.get("parts").isNull());
      }
      JsonNode answer =
          viewer.postOk("/api/search", "{\"imageId\":" + seeded.imageIds().get(0) + "}");
      assertEquals(
          List.of("not measured", "not measured"), texts(answer.get("conceptReliability")));
      answer
          .get("results")
          .forEach(r -> assertFalse(r.get("explanation").asText().contains("unreliable")));
    }
  }

  /**
   * Per concept, how often its attention peak lies nearest to each part over the test-split images
   * (odd image indices), computed here from the micro model's maps: the peak patch's centre in the
   * network's crop, mapped back to the 48 px image (square, so one scale and one offset), to the
   * nearest keypoint.
   */
  private static List<Map<String, Integer>> independentCounts(SearchCatalog.Seeded seeded)
      throws Exception {
    List<Map<String, Integer>> counts = List.of(new HashMap<>(), new HashMap<>());
    try (Encoder encoder =
        Encoder.open(PackageFixtures.microV1(), new EncoderOptions(false, 1, 8))) {
      int resized = encoder.preprocessor().resizeShorterSide();
      int crop = encoder.preprocessor().cropSize();
      for (int c = 0; c < CLASSES; c++) {
        for (int i = 1; i < PER_CLASS; i += 2) {
          GeneratedImage g = seeded.world().generate(c, i);
          BufferedImage stored =
              ImageIO.read(new ByteArrayInputStream(TestImages.encode(g.image(), "png")));
          int size = stored.getWidth();
          Encoding e = encoder.encode(stored);
          for (int m = 0; m < 2; m++) {
            float[] map = e.attention()[m];
            int peak = 0;
            for (int p = 0; p < map.length; p++) {
              peak = map[p] > map[peak] ? p : peak;
            }
            double patch = (double) crop / e.grid();
            double offset = (resized - crop) / 2;
            double x = ((peak % e.grid() + 0.5) * patch + offset) * size / resized;
            double y = ((peak / e.grid() + 0.5) * patch + offset) * size / resized;
            Keypoint nearest = g.keypoints().get(0);
            for (Keypoint k : g.keypoints()) {
              if (Math.hypot(k.x() - x, k.y() - y) < Math.hypot(nearest.x() - x, nearest.y() - y)) {
                nearest = k;
              }
            }
            counts.get(m).merge(nearest.part(), 1, Integer::sum);
          }
        }
      }
    }
    return counts;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
