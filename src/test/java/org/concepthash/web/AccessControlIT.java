package org.concepthash.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.concepthash.accounts.Role;
import org.concepthash.catalog.ImageIngest;
import org.concepthash.catalog.IngestRequest;
import org.concepthash.data.Split;
import org.concepthash.testing.ApiClient;
import org.concepthash.testing.Multipart;
import org.concepthash.testing.TestCatalog;
import org.concepthash.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The role matrix over every REST endpoint: for each endpoint the least role that may call it,
 * checked for anonymous callers and every role (allowed: not 401/403; refused: 401 without a token,
 * 403 with a too-weak one, with a JSON error). A route the matrix does not list fails the test, so
 * a new endpoint cannot ship without a decided role. Anonymous access is off here (external
 * database).
 */
class AccessControlIT {

  private static final AtomicInteger unique = new AtomicInteger();

  /** One endpoint: its route template, the least role (null: anyone) and a request for it. */
  private record Endpoint(
      String method, String template, Role least, Supplier<HttpRequest.Builder> request) {}

  private static TestCatalog app;

  /** Requests carry the token of the role under test themselves. */
  private static ApiClient anonymous;

  private static final Map<Role, String> tokens = new EnumMap<>(Role.class);
  private static long imageId;

  @BeforeAll
  static void start() throws Exception {
    app = TestCatalog.server();
    anonymous = ApiClient.anonymous(app);
    for (Role role : Role.values()) {
      tokens.put(role, app.tokenFor(role));
    }
    imageId =
        app.bean(ImageIngest.class)
            .ingest(
                new java.io.ByteArrayInputStream(TestImages.png(20, 20, 1)),
                IngestRequest.upload("seed.png", null, Split.TRAIN, "test"))
            .image()
            .id();
    app.bean(org.concepthash.catalog.CatalogService.class)
        .createClass(new org.concepthash.catalog.NewClass("seed_class", null, null), "test");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpRequest.Builder at(String path) {
    return anonymous.at(path);
  }

  private static HttpRequest.Builder json(String method, String path, String body) {
    return at(path)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpRequest.Builder uploadRequest() {
    Multipart form =
        new Multipart()
            .file(
                "file",
                "m.png",
                "image/png",
                TestImages.png(16, 16, 1000 + unique.incrementAndGet()));
    return at("/api/images").header("Content-Type", form.contentType()).POST(form.publisher());
  }

  static List<Endpoint> matrix() {
    String img = "/api/images/" + imageId;
    return List.of(
        new Endpoint("GET", "/api/health", null, () -> at("/api/health")),
        new Endpoint(
            "POST",
            "/api/login",
            null,
            () ->
                json(
                    "POST",
                    "/api/login",
                    "{\"username\":\"test-viewer\",\"password\":\""
                        + TestCatalog.passwordOf("test-viewer")
                        + "\"}")),
        new Endpoint("GET", "/api/classes", Role.VIEWER, () -> at("/api/classes")),
        new Endpoint(
            "POST",
            "/api/classes",
            Role.CURATOR,
            () ->
                json(
                    "POST",
                    "/api/classes",
                    "{\"name\":\"class_" + unique.incrementAndGet() + "\"}")),
        new Endpoint(
            "GET",
            "/api/images{?label,family,unlabelled,split,page,size}",
            Role.VIEWER,
            () -> at("/api/images")),
        new Endpoint("POST", "/api/images", Role.CURATOR, AccessControlIT::uploadRequest),
        new Endpoint("GET", "/api/images/{id}", Role.VIEWER, () -> at(img)),
        new Endpoint("GET", "/api/images/{id}/labels", Role.VIEWER, () -> at(img + "/labels")),
        new Endpoint(
            "PUT",
            "/api/images/{id}/label",
            Role.CURATOR,
            () -> json("PUT", img + "/label", "{\"label\":\"seed_class\"}")),
        new Endpoint("GET", "/api/images/{id}/content", Role.VIEWER, () -> at(img + "/content")),
        new Endpoint(
            "GET", "/api/images/{id}/thumbnail", Role.VIEWER, () -> at(img + "/thumbnail")),
        new Endpoint("GET", "/api/users/me", Role.VIEWER, () -> at("/api/users/me")),
        new Endpoint("GET", "/api/users", Role.ADMIN, () -> at("/api/users")),
        new Endpoint(
            "POST",
            "/api/users",
            Role.ADMIN,
            () ->
                json(
                    "POST",
                    "/api/users",
                    "{\"username\":\"u"
                        + unique.incrementAndGet()
                        + "\",\"password\":\"long-enough-password\",\"role\":\"viewer\"}")),
        new Endpoint(
            "PUT",
            "/api/users/{username}",
            Role.ADMIN,
            () -> json("PUT", "/api/users/test-viewer", "{\"role\":\"viewer\"}")),
        // no model is active here: allowed searches answer 409, which is not a refusal
        new Endpoint(
            "POST",
            "/api/search",
            Role.VIEWER,
            () -> json("POST", "/api/search", "{\"imageId\":" + imageId + "}")),
        new Endpoint(
            "GET", "/api/images/{id}/attention{?model}", Role.VIEWER, () -> at(img + "/attention")),
        new Endpoint("GET", "/api/models", Role.VIEWER, () -> at("/api/models")),
        new Endpoint(
            "GET",
            "/api/models/active/concepts",
            Role.VIEWER,
            () -> at("/api/models/active/concepts")),
        new Endpoint(
            "PUT",
            "/api/models/{id}/concepts/{index}",
            Role.CURATOR,
            () -> json("PUT", "/api/models/no-such-model/concepts/0", "{\"name\":\"head\"}")),
        new Endpoint(
            "POST",
            "/api/models",
            Role.ADMIN,
            () -> {
              Multipart form =
                  new Multipart()
                      .file("file", "broken.zip", "application/zip", new byte[] {1, 2, 3});
              return at("/api/models")
                  .header("Content-Type", form.contentType())
                  .POST(form.publisher());
            }),
        new Endpoint(
            "POST",
            "/api/models/{id}/activate",
            Role.ADMIN,
            () -> json("POST", "/api/models/no-such-model/activate", "{}")),
        // an unknown recipe: the role check comes first, and no training starts in this test
        new Endpoint(
            "POST",
            "/api/training-jobs",
            Role.ADMIN,
            () -> json("POST", "/api/training-jobs", "{\"recipe\":\"no-such-recipe\"}")),
        new Endpoint(
            "GET", "/api/training-jobs{?limit}", Role.VIEWER, () -> at("/api/training-jobs")),
        new Endpoint(
            "GET", "/api/training-jobs/{id}", Role.VIEWER, () -> at("/api/training-jobs/999999")),
        new Endpoint(
            "POST",
            "/api/training-jobs/{id}/cancel",
            Role.ADMIN,
            () -> json("POST", "/api/training-jobs/999999/cancel", "{}")));
  }

  @Test
  void everyRouteHasADecidedRole() {
    Set<String> listed = new TreeSet<>();
    matrix().forEach(e -> listed.add(e.method() + " " + e.template()));
    Set<String> routes = new TreeSet<>();
    for (UriRouteInfo<?, ?> route :
        app.bean(Router.class).uriRoutes().map(r -> (UriRouteInfo<?, ?>) r).toList()) {
      routes.add(route.getHttpMethodName() + " " + route.getUriMatchTemplate().toString());
    }
    // only /api reaches Micronaut (the servlet mapping); built-in management routes elsewhere are
    // unreachable
    routes.removeIf(r -> !r.split(" ")[1].startsWith("/api/") || r.startsWith("HEAD "));
    assertEquals(routes, listed, "add new endpoints to the role matrix with their least role");
  }

  @Test
  void roleMatrix() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Endpoint e : matrix()) {
      check(e, null, e.least() == null, failures);
      for (Role role : Role.values()) {
        check(e, role, e.least() == null || role.includes(e.least()), failures);
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  private static void check(Endpoint e, Role caller, boolean allowed, List<String> failures)
      throws Exception {
    HttpRequest.Builder request = e.request().get();
    if (caller != null) {
      request.header("Authorization", "Bearer " + tokens.get(caller));
    }
    HttpResponse<byte[]> r = anonymous.send(request);
    String who = caller == null ? "anonymous" : caller.id();
    int status = r.statusCode();
    if (allowed && (status == 401 || status == 403 || status >= 500)) {
      failures.add(
          e.method()
              + " "
              + e.template()
              + " as "
              + who
              + ": expected allowed, got "
              + status
              + " "
              + new String(r.body()));
    }
    if (!allowed) {
      int expected = caller == null ? 401 : 403;
      if (status != expected) {
        failures.add(
            e.method()
                + " "
                + e.template()
                + " as "
                + who
                + ": expected "
                + expected
                + ", got "
                + status);
      } else if (!ApiClient.json(r).path("error").isTextual()) {
        failures.add(e.method() + " " + e.template() + " as " + who + ": no JSON error body");
      }
    }
  }

  @Test
  void loginAnswersATokenThatIdentifiesTheCaller() throws Exception {
    HttpResponse<byte[]> r =
        anonymous.send(
            json(
                "POST",
                "/api/login",
                "{\"username\":\"test-curator\",\"password\":\""
                    + TestCatalog.passwordOf("test-curator")
                    + "\"}"));
    assertEquals(200, r.statusCode());
    JsonNode body = ApiClient.json(r);
    String token = body.get("access_token").asText();
    assertEquals("Bearer", body.get("token_type").asText());
    assertEquals(3600, body.get("expires_in").asInt());
    String header = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]));
    assertTrue(header.contains("HS256"), "signed, never alg none: " + header);
    JsonNode me =
        ApiClient.json(
            anonymous.send(at("/api/users/me").header("Authorization", "Bearer " + token)));
    assertEquals("test-curator", me.get("username").asText());
    assertEquals("curator", me.get("role").asText());
  }

  @Test
  void wrongPasswordsAndForgedTokensAreRefused() throws Exception {
    HttpResponse<byte[]> wrong =
        anonymous.send(
            json(
                "POST",
                "/api/login",
                "{\"username\":\"test-admin\",\"password\":\"not-the-password\"}"));
    assertEquals(401, wrong.statusCode());
    assertFalse(ApiClient.json(wrong).get("error").asText().isBlank());
    // the viewer's token with its payload swapped for an admin's: the signature no longer matches
    String[] viewer = tokens.get(Role.VIEWER).split("\\.");
    String[] admin = tokens.get(Role.ADMIN).split("\\.");
    String forged = viewer[0] + "." + admin[1] + "." + viewer[2];
    HttpResponse<byte[]> r =
        anonymous.send(at("/api/users").header("Authorization", "Bearer " + forged));
    assertEquals(401, r.statusCode());
    String unsigned =
        java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes())
            + "."
            + admin[1]
            + ".";
    assertEquals(
        401,
        anonymous
            .send(at("/api/users").header("Authorization", "Bearer " + unsigned))
            .statusCode());
  }

  @Test
  void changesRecordTheCaller() throws Exception {
    String curator = tokens.get(Role.CURATOR);
    HttpResponse<byte[]> created =
        anonymous.send(
            json("POST", "/api/classes", "{\"name\":\"recorded_class\"}")
                .header("Authorization", "Bearer " + curator));
    assertEquals(201, created.statusCode(), new String(created.body()));
    HttpResponse<byte[]> labelled =
        anonymous.send(
            json("PUT", "/api/images/" + imageId + "/label", "{\"label\":\"recorded_class\"}")
                .header("Authorization", "Bearer " + curator));
    assertEquals(200, labelled.statusCode());
    JsonNode history =
        ApiClient.json(
            anonymous.send(
                at("/api/images/" + imageId + "/labels")
                    .header("Authorization", "Bearer " + curator)));
    assertEquals("test-curator", history.get(history.size() - 1).get("by").asText());
    Multipart form =
        new Multipart()
            .file("file", "l.png", "image/png", TestImages.png(16, 16, 999))
            .field("label", "recorded_class");
    HttpResponse<byte[]> upload =
        anonymous.send(
            at("/api/images")
                .header("Content-Type", form.contentType())
                .header("Authorization", "Bearer " + curator)
                .POST(form.publisher()));
    assertEquals(201, upload.statusCode(), new String(upload.body()));
    long uploaded = ApiClient.json(upload).get("id").asLong();
    JsonNode uploadHistory =
        ApiClient.json(
            anonymous.send(
                at("/api/images/" + uploaded + "/labels")
                    .header("Authorization", "Bearer " + curator)));
    assertEquals("test-curator", uploadHistory.get(0).get("by").asText());
  }

  @Test
  void adminsManageUsersAndTheLastAdminStays() throws Exception {
    String admin = tokens.get(Role.ADMIN);
    HttpResponse<byte[]> created =
        anonymous.send(
            json(
                    "POST",
                    "/api/users",
                    "{\"username\":\"carol\",\"password\":\"carol-password-1\",\"role\":\"curator\"}")
                .header("Authorization", "Bearer " + admin));
    assertEquals(201, created.statusCode(), new String(created.body()));
    assertEquals("curator", ApiClient.json(created).get("role").asText());
    assertFalse(new String(created.body()).contains("argon2"), "never the hash");
    String carol = app.token("carol", "carol-password-1");
    HttpResponse<byte[]> disabled =
        anonymous.send(
            json("PUT", "/api/users/carol", "{\"enabled\":false}")
                .header("Authorization", "Bearer " + admin));
    assertEquals(200, disabled.statusCode());
    HttpResponse<byte[]> login =
        anonymous.send(
            json(
                "POST",
                "/api/login",
                "{\"username\":\"carol\",\"password\":\"carol-password-1\"}"));
    assertEquals(401, login.statusCode(), "a disabled user cannot sign in");
    assertNotEquals(null, carol);
    HttpResponse<byte[]> lastAdmin =
        anonymous.send(
            json("PUT", "/api/users/test-admin", "{\"role\":\"viewer\"}")
                .header("Authorization", "Bearer " + admin));
    assertEquals(409, lastAdmin.statusCode());
    HttpResponse<byte[]> weak =
        anonymous.send(
            json(
                    "POST",
                    "/api/users",
                    "{\"username\":\"dave\",\"password\":\"short\",\"role\":\"viewer\"}")
                .header("Authorization", "Bearer " + admin));
    assertEquals(400, weak.statusCode());
  }
}
