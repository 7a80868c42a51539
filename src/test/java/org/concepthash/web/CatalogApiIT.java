package org.concepthash.web;

import static org.concepthash.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.servlet.engine.MicronautServletConfiguration;
import jakarta.servlet.MultipartConfigElement;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.concepthash.accounts.Role;
import org.concepthash.catalog.ImageIngest;
import org.concepthash.catalog.IngestRequest;
import org.concepthash.catalog.ingest.CanonicalImage;
import org.concepthash.catalog.ingest.ImageValidator;
import org.concepthash.catalog.ingest.IngestLimits;
import org.concepthash.catalog.store.ImageStore;
import org.concepthash.data.Split;
import org.concepthash.testing.ApiClient;
import org.concepthash.testing.Multipart;
import org.concepthash.testing.TestCatalog;
import org.concepthash.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST contract other issues and external clients rely on, against the running app. */
class CatalogApiIT {

  private static TestCatalog app;

  /**
   * Signed in as a curator: every request here is a curator's (the role matrix is
   * AccessControlIT's).
   */
  private static ApiClient api;

  @BeforeAll
  static void start() {
    app = TestCatalog.server();
    api = ApiClient.as(app, Role.CURATOR);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<byte[]> upload(
      String name, byte[] content, String label, String split) throws Exception {
    Multipart form = new Multipart().file("file", name, "application/octet-stream", content);
    if (label != null) {
      form.field("label", label);
    }
    if (split != null) {
      form.field("split", split);
    }
    return api.post("/api/images", form);
  }

  private static HttpResponse<byte[]> postJson(String path, String body) throws Exception {
    return api.sendJson("POST", path, body);
  }

  @Test
  void healthReportsTheDatabase() throws Exception {
    HttpResponse<byte[]> r = api.get("/api/health");
    assertEquals(200, r.statusCode());
    assertEquals("UP", json(r).get("status").asText());
    assertEquals("UP", json(r).get("database").asText());
  }

  @Test
  void uploadCreatesThenRecognisesTheDuplicate() throws Exception {
    byte[] png = TestImages.png(32, 24, 1);
    HttpResponse<byte[]> first = upload("gull.png", png, null, "train");
    assertEquals(201, first.statusCode(), new String(first.body()));
    JsonNode image = json(first);
    assertEquals(32, image.get("width").asInt());
    assertEquals(24, image.get("height").asInt());
    assertEquals("train", image.get("split").asText());
    assertEquals(64, image.get("sha256").asText().length());
    assertTrue(image.get("label").isNull());
    HttpResponse<byte[]> again = upload("renamed.png", png, null, null);
    assertEquals(200, again.statusCode());
    assertEquals(image.get("id").asLong(), json(again).get("id").asLong());
  }

  @Test
  void uploadWithALabelAndTheLabelIsListedAndFiltered() throws Exception {
    assertEquals(
        201,
        postJson("/api/classes", "{\"name\":\"Laysan_Albatross\",\"family\":\"albatross\"}")
            .statusCode());
    HttpResponse<byte[]> r =
        upload("a.jpg", TestImages.jpeg(30, 30, 2), "Laysan_Albatross", "test");
    assertEquals(201, r.statusCode(), new String(r.body()));
    assertEquals("Laysan_Albatross", json(r).get("label").asText());
    assertEquals("Laysan Albatross", json(r).get("labelDisplayName").asText());
    assertEquals("albatross", json(r).get("family").asText());
    JsonNode page = json(api.get("/api/images?family=albatross"));
    assertEquals(1, page.get("totalSize").asLong());
    assertEquals("Laysan_Albatross", page.get("content").get(0).get("label").asText());
    JsonNode classes = json(api.get("/api/classes"));
    boolean counted = false;
    for (JsonNode c : classes) {
      if (c.get("name").asText().equals("Laysan_Albatross")) {
        counted = c.get("imageCount").asLong() == 1;
      }
    }
    assertTrue(counted, classes.toString());
  }

  @Test
  void refusedUploadsAnswerWithAJsonReasonAndLeaveNoFiles() throws Exception {
    long filesBefore = countFiles(app.dataDir());
    String[][] cases = {
      {"notes.jpg", "hello"},
      {"x.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>"},
    };
    for (String[] c : cases) {
      HttpResponse<byte[]> r = upload(c[0], c[1].getBytes(StandardCharsets.UTF_8), null, null);
      assertEquals(400, r.statusCode());
      assertFalse(json(r).get("error").asText().isBlank());
    }
    byte[] png = TestImages.png(64, 64, 3);
    HttpResponse<byte[]> truncated =
        upload("cut.png", java.util.Arrays.copyOf(png, png.length / 2), null, null);
    assertEquals(400, truncated.statusCode());
    assertTrue(json(truncated).get("error").asText().contains("truncated"));
    HttpResponse<byte[]> badSplit = upload("ok.png", TestImages.png(8, 8, 4), null, "validation");
    assertEquals(400, badSplit.statusCode());
    HttpResponse<byte[]> unknownLabel =
        upload("ok.png", TestImages.png(8, 8, 5), "no_such_class", null);
    assertEquals(400, unknownLabel.statusCode());
    assertTrue(json(unknownLabel).get("error").asText().contains("unknown class"));
    assertEquals(
        filesBefore,
        countFiles(app.dataDir()),
        "refused uploads leave no files, temporary or stored");
  }

  @Test
  void oversizeUploadIsRefusedByTheContainerAsItStreamsWithAJson413() throws Exception {
    try (TestCatalog small =
        TestCatalog.start(true, java.util.Map.of("concepthash.ingest.max-bytes", 500))) {
      // over the file cap, under the request cap (which leaves room for the other form fields)
      HttpResponse<byte[]> file =
          uploadTo(small, TestImages.encode(TestImages.noise(100, 100, 6), "png"));
      assertEquals(413, file.statusCode(), new String(file.body(), StandardCharsets.UTF_8));
      assertTrue(json(file).get("error").asText().contains("larger than"), json(file).toString());
      // over the request cap as well
      HttpResponse<byte[]> request =
          uploadTo(small, TestImages.encode(TestImages.noise(300, 300, 6), "png"));
      assertEquals(413, request.statusCode(), new String(request.body(), StandardCharsets.UTF_8));
      assertTrue(
          json(request).get("error").asText().contains("larger than"), json(request).toString());
    }
  }

  private static HttpResponse<byte[]> uploadTo(TestCatalog catalog, byte[] content)
      throws Exception {
    Multipart form = new Multipart().file("file", "big.png", "image/png", content);
    return ApiClient.as(catalog, Role.CURATOR).post("/api/images", form);
  }

  @Test
  void theContainerCapsUploadsAtTheIngestLimitAndStagesThemUnderTheDataDirectory() {
    MultipartConfigElement multipart =
        app.bean(MicronautServletConfiguration.class).getMultipartConfigElement().orElseThrow();
    long maxBytes = app.bean(IngestLimits.class).maxBytes();
    assertEquals(maxBytes, multipart.getMaxFileSize());
    assertTrue(
        multipart.getMaxRequestSize() > maxBytes
            && multipart.getMaxRequestSize() < maxBytes + (1 << 20),
        "request cap " + multipart.getMaxRequestSize());
    Path staging = Path.of(multipart.getLocation());
    assertTrue(staging.startsWith(app.dataDir()), staging.toString());
    assertTrue(Files.isDirectory(staging), staging.toString());
  }

  @Test
  void aFileNameWithANulByteIsABadRequestWithAJsonReason() throws Exception {
    HttpResponse<byte[]> r = upload("evil\0.png", TestImages.png(8, 8, 3), null, null);
    assertEquals(400, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    assertTrue(json(r).get("error").asText().contains("file name"), json(r).toString());
  }

  @Test
  void contentAndThumbnailServeTheStoredPixels() throws Exception {
    byte[] png = TestImages.png(300, 200, 7);
    long id = json(upload("big.png", png, null, null)).get("id").asLong();
    HttpResponse<byte[]> content = api.get("/api/images/" + id + "/content");
    assertEquals(200, content.statusCode());
    assertEquals("image/png", content.headers().firstValue("Content-Type").orElse(""));
    assertEquals(300, ImageIO.read(new ByteArrayInputStream(content.body())).getWidth());
    HttpResponse<byte[]> thumb = api.get("/api/images/" + id + "/thumbnail");
    assertEquals(200, thumb.statusCode());
    var small = ImageIO.read(new ByteArrayInputStream(thumb.body()));
    assertEquals(256, small.getWidth());
    assertArrayEquals(
        thumb.body(), api.get("/api/images/" + id + "/thumbnail").body(), "cached, identical");
    assertEquals(404, api.get("/api/images/999999/thumbnail").statusCode());
  }

  @Test
  void labelChangesAreKeptInTheHistory() throws Exception {
    postJson("/api/classes", "{\"name\":\"herring_gull\",\"family\":\"gull\"}");
    postJson("/api/classes", "{\"name\":\"glaucous_gull\",\"family\":\"gull\"}");
    long id = json(upload("g.png", TestImages.png(20, 20, 8), null, null)).get("id").asLong();
    for (String label : new String[] {"\"herring_gull\"", "\"glaucous_gull\"", "null"}) {
      HttpResponse<byte[]> r =
          api.sendJson("PUT", "/api/images/" + id + "/label", "{\"label\":" + label + "}");
      assertEquals(200, r.statusCode(), new String(r.body()));
    }
    assertTrue(json(api.get("/api/images/" + id)).get("label").isNull());
    JsonNode history = json(api.get("/api/images/" + id + "/labels"));
    assertEquals(3, history.size());
    assertEquals("herring_gull", history.get(0).get("label").asText());
    assertEquals("glaucous_gull", history.get(1).get("label").asText());
    assertTrue(history.get(2).get("label").isNull());
    assertEquals(
        "test-curator", history.get(0).get("by").asText(), "the change is recorded for the caller");
    HttpResponse<byte[]> unknown =
        api.sendJson("PUT", "/api/images/" + id + "/label", "{\"label\":\"nope\"}");
    assertEquals(400, unknown.statusCode());
    JsonNode unlabelled = json(api.get("/api/images?unlabelled=true&size=500"));
    boolean listed = false;
    for (JsonNode i : unlabelled.get("content")) {
      listed |= i.get("id").asLong() == id;
    }
    assertTrue(listed);
  }

  @Test
  void classesAreValidatedAndUnique() throws Exception {
    assertEquals(201, postJson("/api/classes", "{\"name\":\"tern\"}").statusCode());
    HttpResponse<byte[]> dup = postJson("/api/classes", "{\"name\":\"tern\"}");
    assertEquals(409, dup.statusCode());
    assertTrue(json(dup).get("error").asText().contains("exists"));
    assertEquals(400, postJson("/api/classes", "{\"name\":\"  \"}").statusCode());
  }

  @Test
  void badRequestsGetJsonErrors() throws Exception {
    HttpResponse<byte[]> notFound = api.get("/api/images/12345678");
    assertEquals(404, notFound.statusCode());
    assertTrue(json(notFound).get("error").asText().contains("12345678"));
    assertEquals(400, api.get("/api/images/abc").statusCode());
    assertEquals(400, api.get("/api/images?size=100000").statusCode());
    assertEquals(404, api.get("/api/nothing-here").statusCode());
  }

  @Test
  void anImageFileLeftByACrashBeforeItsRowIsReusedNotDuplicated() throws Exception {
    // a process that died after storing the file but before inserting the row leaves just the file
    byte[] png = TestImages.png(18, 18, 9);
    CanonicalImage canonical = app.bean(ImageValidator.class).validate(png);
    ImageStore store = app.bean(ImageStore.class);
    String key = store.put(canonical.sha256(), canonical.png());
    long before = json(api.get("/api/images?size=1")).get("totalSize").asLong();
    HttpResponse<byte[]> r = upload("again.png", png, null, null);
    assertEquals(201, r.statusCode());
    assertEquals(canonical.sha256(), json(r).get("sha256").asText());
    assertEquals(before + 1, json(api.get("/api/images?size=1")).get("totalSize").asLong());
    assertTrue(store.contains(key));
    // and the service path (import uses it) agrees that it is now a duplicate
    var dup =
        app.bean(ImageIngest.class)
            .ingest(
                new ByteArrayInputStream(png),
                IngestRequest.upload("x.png", null, Split.UNSPECIFIED, "test"));
    assertTrue(dup.duplicate());
  }

  private static long countFiles(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (var walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).count();
    }
  }
}
