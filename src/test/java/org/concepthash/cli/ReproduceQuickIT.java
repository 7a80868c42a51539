package org.concepthash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: {@code reproduce --quick} runs the whole pipeline (world, train, export, eval, overlap,
 * shallow baselines, report) end to end. It checks the pipeline, not the numbers: 2 epochs on a
 * tiny world mean nothing.
 */
class ReproduceQuickIT {

  @TempDir Path dir;

  @Test
  void quickRunWritesOneLinePerConfigurationAndRendersTheReport() throws Exception {
    Path out = dir.resolve("repro");
    assertEquals(0, Main.run("reproduce", "--quick", "--out", out.toString()));

    List<JsonObject> lines =
        Files.readAllLines(out.resolve("results.jsonl")).stream()
            .map(l -> JsonParser.parseString(l).getAsJsonObject())
            .toList();
    Set<String> ids =
        lines.stream().map(o -> o.get("configuration").getAsString()).collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "parts-colour-itq",
            "parts-pixel-pca-itq",
            "parts-pixel-lda-itq",
            "parts-all-losses",
            "parts-no-csd"),
        ids);
    for (JsonObject o : lines) {
      double map = o.get("classMap").getAsDouble();
      assertTrue(map > 0 && map <= 1, o.toString());
      assertEquals(36, o.get("queries").getAsInt(), o.toString());
      if (o.get("method").getAsString().equals("CONCEPT_HASH")) {
        double cos = o.get("overlapCosine").getAsDouble();
        assertTrue(cos >= 0 && cos <= 1, o.toString());
        assertTrue(o.get("purity").getAsDouble() > 0, o.toString());
        assertTrue(o.get("localisation").getAsDouble() > 0, o.toString());
      }
    }
    assertTrue(Files.size(out.resolve("figures/parts-all-losses.png")) > 0);
    assertTrue(Files.size(out.resolve("figures/parts-no-csd.png")) > 0);

    String md = Files.readString(out.resolve("reproduction.md"));
    for (String heading :
        List.of(
            "## Table 2",
            "## Table 4",
            "## Code length",
            "## Table 3",
            "## Fig. 7",
            "## Baselines on the parts world",
            "## Completeness")) {
      assertTrue(md.contains(heading), "missing " + heading);
    }
    assertTrue(md.contains("](figures/parts-no-csd.png)"), md);
    assertTrue(md.contains("inconclusive (fewer than 2 seeds)"), md);

    // a second run finds every line done and runs nothing again
    assertEquals(0, Main.run("reproduce", "--quick", "--out", out.toString()));
    assertEquals(lines.size(), Files.readAllLines(out.resolve("results.jsonl")).size());
  }
}
