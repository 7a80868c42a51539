package org.concepthash.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's plumbing on a tiny database: JSON fields, and agreement with FAISS when
 * installed.
 */
class SearchBenchmarkTest {

  private static final String DEBIAN_PYTHON = "/usr/bin/python3";

  private static List<CaseResult> run(String python) throws Exception {
    SearchBenchmark.Options options =
        new SearchBenchmark.Options(List.of(20_000), 10, 4, 2, python, 16L << 20, 0);
    List<CaseResult> results = new ArrayList<>();
    new SearchBenchmark(options, new PrintStream(new ByteArrayOutputStream())).run(results::add);
    return results;
  }

  @Test
  void everyCasePrintsTheRequiredJsonFields() throws Exception {
    List<CaseResult> results = run(null);

    assertEquals(8, results.size()); // 4 cases x {random, clustered}
    for (CaseResult r : results) {
      String json = r.toJson();
      for (String key :
          List.of(
              "\"case\"",
              "\"n\": 20000",
              "\"threads\"",
              "\"ours_ms\"",
              "\"faiss_ms\": null",
              "\"speedup\": null",
              "\"scanned_fraction\"",
              "\"bandwidth_fraction\"")) {
        assertTrue(json.contains(key), key + " missing in " + json);
      }
      assertTrue(r.oursMs() > 0);
      assertNull(r.agree());
    }
  }

  @Test
  void ourTopTenDistancesEqualFaissIndexBinaryFlat(@TempDir Path unused) throws Exception {
    String reason = new FaissPeer(DEBIAN_PYTHON, unused).unavailableReason();
    assumeTrue(reason == null, "FAISS is not installed (apt-get install python3-faiss): " + reason);

    for (CaseResult r : run(DEBIAN_PYTHON)) {
      assertEquals(Boolean.TRUE, r.agree(), r.toJson());
      assertTrue(r.toJson().contains("\"speedup\": "), r.toJson());
    }
  }
}
