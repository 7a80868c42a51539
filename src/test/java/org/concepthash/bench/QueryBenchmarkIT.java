package org.concepthash.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.concepthash.onnx.PackageFixtures;
import org.concepthash.serving.CatalogSearchIndex;
import org.concepthash.testing.TestCatalog;
import org.junit.jupiter.api.Test;

/**
 * The query benchmark on a tiny catalog: it fills the catalog, and its SQL peer ranks exactly like
 * ours.
 */
class QueryBenchmarkIT {

  @Test
  void smallRunReportsBothPeersAndTheyAgree() throws Exception {
    try (TestCatalog app = TestCatalog.services()) {
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      List<String> lines =
          new QueryBenchmark(
                  app.context(),
                  new QueryBenchmark.Options(80, 24, 8, 2, 5, 32, 1L, true),
                  new PrintStream(log))
              .run(PackageFixtures.microV1());
      assertEquals(80, app.bean(CatalogSearchIndex.class).index().orElseThrow().snapshot().size());
      ObjectMapper json = new ObjectMapper();
      assertEquals(5, lines.size(), lines.toString());
      JsonNode ours = json.readTree(lines.get(0));
      assertEquals("query_2_clients", ours.get("case").asText());
      assertEquals(80, ours.get("images").asInt());
      assertEquals(56, ours.get("synthetic_images").asInt());
      assertTrue(
          ours.get("p50_ms").asDouble() > 0
              && ours.get("p99_ms").asDouble() >= ours.get("p50_ms").asDouble());
      JsonNode ranking = json.readTree(lines.get(4));
      assertTrue(ranking.get("agree_with_sql").asBoolean(), lines.get(4));
    }
  }
}
