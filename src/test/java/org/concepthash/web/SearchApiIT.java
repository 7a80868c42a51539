package org.concepthash.web;

import static org.concepthash.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.concepthash.accounts.Role;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ImageFilter;
import org.concepthash.code.HexCode;
import org.concepthash.search.IndexSnapshot;
import org.concepthash.serving.CatalogSearchIndex;
import org.concepthash.testing.ApiClient;
import org.concepthash.testing.Multipart;
import org.concepthash.testing.SearchCatalog;
import org.concepthash.testing.TestCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The search, attention and concept-name API against the running app with a real catalog, the micro
 * model on ONNX Runtime and PostgreSQL. Rankings are checked against a brute-force scan of the
 * stored codes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchApiIT {

  private static TestCatalog app;
  private static SearchCatalog.Seeded seeded;

  /**
   * Searching needs a viewer and renaming a curator (AccessControlIT checks the roles): signed in
   * as one.
   */
  private static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    app = TestCatalog.server();
    seeded = SearchCatalog.seed(app, 6, 5);
    api = ApiClient.as(app, Role.CURATOR);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<byte[]> searchUpload(byte[] png, String k, String concepts)
      throws Exception {
    Multipart form = new Multipart().file("file", "query.png", "image/png", png);
    if (k != null) {
      form.field("k", k);
    }
    if (concepts != null) {
      form.field("concepts", concepts);
    }
    return api.post("/api/search", form);
  }

  /**
   * Image ids in (distance over the selected concepts, id) order, by brute force over the served
   * codes.
   */
  private static List<Long> bruteForce(String hexCode, boolean[] selected, long exclude, int k) {
    IndexSnapshot snapshot = app.bean(CatalogSearchIndex.class).index().orElseThrow().snapshot();
    long[] query = HexCode.parse(hexCode, 8);
    record Scored(long id, int d) {}
    List<Scored> all = new ArrayList<>();
    snapshot
        .entries()
        .forEach(
            e -> {
              int d = 0;
              for (int j = 0; j < 8; j++) {
                if (selected[j / 4] && ((e.code()[0] ^ query[0]) >>> j & 1L) != 0) {
                  d++;
                }
              }
              if (e.imageId() != exclude) {
                all.add(new Scored(e.imageId(), d));
              }
            });
    return all.stream()
        .sorted(Comparator.comparingInt(Scored::d).thenComparingLong(Scored::id))
        .limit(k)
        .map(Scored::id)
        .toList();
  }

  private static List<Long> ids(JsonNode results) {
    List<Long> out = new ArrayList<>();
    results.forEach(r -> out.add(r.get("imageId").asLong()));
    return out;
  }

  @Test
  @Order(1)
  void uploadedQueryIsAnsweredWithItsCodeAndRankedExplainedResultsButNotStored() throws Exception {
    long before =
        app.bean(CatalogService.class)
            .list(new ImageFilter(null, null, null, null), 0, 1)
            .totalSize();
    HttpResponse<byte[]> r = searchUpload(SearchCatalog.newBird(seeded, 2, 40), "7", null);
    assertEquals(200, r.statusCode(), new String(r.body()));
    JsonNode body = json(r);
    assertEquals(seeded.model().id(), body.get("model").asText());

    JsonNode query = body.get("query");
    String code = query.get("code").asText();
    assertEquals(2, code.length(), "8 bits are 2 hex digits");
    String bits = query.get("subcodes").get(0).asText() + query.get("subcodes").get(1).asText();
    assertEquals(
        Integer.parseInt(code, 16),
        Integer.parseInt(bits, 2),
        "sub-codes are the code's bits, first first");
    assertEquals(4, query.get("attention").get("grid").asInt());
    assertEquals(2, query.get("attention").get("maps").size());
    assertEquals(16, query.get("attention").get("maps").get(1).size());
    assertTrue(query.get("predicted").get("label").asText().length() > 0);

    JsonNode results = body.get("results");
    assertEquals(7, results.size());
    assertEquals(bruteForce(code, new boolean[] {true, true}, -1, 7), ids(results));
    for (JsonNode hit : results) {
      JsonNode cd = hit.get("conceptDistances");
      assertEquals(hit.get("distance").asInt(), cd.get(0).asInt() + cd.get(1).asInt());
      assertTrue(hit.get("label").asText().startsWith("species_"));
      assertTrue(hit.get("family").asText().length() > 0);
      String explanation = hit.get("explanation").asText();
      assertTrue(explanation.contains("head") && explanation.contains("tail"), explanation);
      if (cd.get(0).asInt() == 0) {
        assertTrue(explanation.startsWith("same head"), explanation);
      }
    }
    long after =
        app.bean(CatalogService.class)
            .list(new ImageFilter(null, null, null, null), 0, 1)
            .totalSize();
    assertEquals(before, after, "a query upload is not stored");
  }

  @Test
  @Order(2)
  void conceptRestrictedSearchRanksByTheMaskedDistance() throws Exception {
    byte[] bird = SearchCatalog.newBird(seeded, 4, 41);
    JsonNode byName = json(searchUpload(bird, "10", "tail"));
    JsonNode byIndex = json(searchUpload(bird, "10", "1"));
    assertEquals(ids(byName.get("results")), ids(byIndex.get("results")));
    String code = byName.get("query").get("code").asText();
    assertEquals(bruteForce(code, new boolean[] {false, true}, -1, 10), ids(byName.get("results")));
    for (JsonNode hit : byName.get("results")) {
      assertEquals(hit.get("conceptDistances").get(1).asInt(), hit.get("distance").asInt());
    }
  }

  @Test
  @Order(3)
  void catalogImageQueryAsJsonLeavesTheQueryOut() throws Exception {
    long id = seeded.imageIds().get(3);
    HttpResponse<byte[]> r =
        api.sendJson(
            "POST", "/api/search", "{\"imageId\": " + id + ", \"k\": 5, \"concepts\": [0]}");
    assertEquals(200, r.statusCode(), new String(r.body()));
    JsonNode body = json(r);
    List<Long> ids = ids(body.get("results"));
    assertEquals(5, ids.size());
    assertFalse(ids.contains(id));
    assertEquals(
        bruteForce(body.get("query").get("code").asText(), new boolean[] {true, false}, id, 5),
        ids);
    JsonNode byName =
        json(
            api.sendJson(
                "POST",
                "/api/search",
                "{\"imageId\": " + id + ", \"k\": 5, \"concepts\": [\"head\"]}"));
    assertEquals(ids, ids(byName.get("results")));
  }

  @Test
  @Order(4)
  void badRequestsAreRefusedWithAReason() throws Exception {
    HttpResponse<byte[]> unknownConcept =
        searchUpload(SearchCatalog.newBird(seeded, 0, 40), "5", "wing");
    assertEquals(400, unknownConcept.statusCode());
    assertTrue(json(unknownConcept).get("error").asText().contains("wing"));
    assertEquals(400, searchUpload(SearchCatalog.newBird(seeded, 0, 40), "0", null).statusCode());
    assertEquals(
        400, searchUpload(SearchCatalog.newBird(seeded, 0, 40), "many", null).statusCode());
    HttpResponse<byte[]> notImage = searchUpload("hello".getBytes(), null, null);
    assertEquals(400, notImage.statusCode());
    assertTrue(json(notImage).has("error"));
    assertEquals(404, api.sendJson("POST", "/api/search", "{\"imageId\": 999999}").statusCode());
    assertEquals(400, api.sendJson("POST", "/api/search", "{\"k\": 3}").statusCode());
  }

  @Test
  @Order(5)
  void attentionMapsOfACatalogImage() throws Exception {
    long id = seeded.imageIds().get(0);
    HttpResponse<byte[]> r = api.get("/api/images/" + id + "/attention");
    assertEquals(200, r.statusCode(), new String(r.body()));
    JsonNode a = json(r);
    assertEquals(seeded.model().id(), a.get("model").asText());
    assertEquals(4, a.get("grid").asInt());
    assertEquals(2, a.get("maps").size());
    assertEquals(16, a.get("maps").get(0).size());
    double sum = 0;
    for (JsonNode v : a.get("maps").get(0)) {
      sum += v.asDouble();
    }
    assertTrue(sum > 0, "attention has mass");
    JsonNode crop = a.get("crop");
    // the micro package resizes the shorter side to 37 px and takes the central 32 px
    assertEquals(32.0 / 37, crop.get("width").asDouble(), 1e-9);
    assertEquals(
        2.0 / 37, crop.get("left").asDouble(), 1e-9, "centred: (37 - 32) / 2 whole pixels");
    assertEquals(
        200, api.get("/api/images/" + id + "/attention?model=" + seeded.model().id()).statusCode());
    assertEquals(409, api.get("/api/images/" + id + "/attention?model=other").statusCode());
    assertEquals(404, api.get("/api/images/999999/attention").statusCode());
  }

  @Test
  @Order(6)
  void conceptsAreReadAndRenamedPerModelVersion() throws Exception {
    JsonNode concepts = json(api.get("/api/models/active/concepts"));
    assertEquals(seeded.model().id(), concepts.get("model").asText());
    assertEquals("head", concepts.get("concepts").get(0).get("name").asText());
    assertEquals(4, concepts.get("concepts").get(1).get("bits").asInt());

    String path = "/api/models/" + seeded.model().id() + "/concepts/1";
    HttpResponse<byte[]> renamed = api.sendJson("PUT", path, "{\"name\": \"beak\"}");
    assertEquals(200, renamed.statusCode(), new String(renamed.body()));
    assertEquals("beak", json(renamed).get("concepts").get(1).get("name").asText());
    JsonNode search = json(searchUpload(SearchCatalog.newBird(seeded, 1, 40), "3", "beak"));
    assertTrue(search.get("results").get(0).get("explanation").asText().contains("beak"));
    assertEquals(
        "beak",
        json(api.get("/api/models/active/concepts")).get("concepts").get(1).get("name").asText());

    assertEquals(409, api.sendJson("PUT", path, "{\"name\": \"Head\"}").statusCode());
    assertEquals(
        400,
        api.sendJson(
                "PUT", "/api/models/" + seeded.model().id() + "/concepts/5", "{\"name\": \"x\"}")
            .statusCode());
    assertEquals(
        404, api.sendJson("PUT", "/api/models/nope/concepts/0", "{\"name\": \"x\"}").statusCode());
    assertNotEquals(200, api.sendJson("PUT", path, "{\"name\": \" \"}").statusCode());
    api.sendJson("PUT", path, "{\"name\": \"tail\"}");
  }
}
