package org.concepthash.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.concepthash.accounts.Role;
import org.concepthash.testing.Multipart;
import org.concepthash.testing.TestCatalog;
import org.concepthash.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token expiry, anonymous viewer mode, the per-user upload limit and the brute-force brake, on an
 * app configured tight enough to see each: 3-second tokens, 3 uploads a minute, 3 failed logins
 * allowed.
 */
class AuthModesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static TestCatalog app;

  @BeforeAll
  static void start() {
    app =
        TestCatalog.start(
            true,
            Map.of(
                "micronaut.security.token.generator.access-token.expiration", 3,
                "concepthash.auth.anonymous", "viewer",
                "concepthash.auth.uploads-per-minute", 3,
                "concepthash.auth.login-failures-allowed", 3));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
    return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder login(String user, String password) {
    return HttpRequest.newBuilder(app.uri("/api/login"))
        .header("Content-Type", "application/json")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"));
  }

  @Test
  void tokensExpire() throws Exception {
    String token = app.tokenFor(Role.VIEWER);
    HttpRequest.Builder me =
        HttpRequest.newBuilder(app.uri("/api/users/me")).header("Authorization", "Bearer " + token);
    assertEquals("test-viewer", JSON.readTree(send(me).body()).get("username").asText());
    Thread.sleep(4_100);
    HttpResponse<String> expired = send(me);
    assertEquals(
        401, expired.statusCode(), "an expired token is refused, not downgraded to anonymous");
    assertTrue(JSON.readTree(expired.body()).get("error").isTextual());
  }

  @Test
  void anonymousVisitorsMayBrowseButNotChange() throws Exception {
    HttpResponse<String> list = send(HttpRequest.newBuilder(app.uri("/api/classes")));
    assertEquals(200, list.statusCode());
    assertEquals(
        "anonymous",
        JSON.readTree(send(HttpRequest.newBuilder(app.uri("/api/users/me"))).body())
            .get("username")
            .asText());
    HttpResponse<String> create =
        send(
            HttpRequest.newBuilder(app.uri("/api/classes"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"anon_class\"}")));
    assertEquals(403, create.statusCode(), "a viewer's role does not allow creating classes");
    assertTrue(JSON.readTree(create.body()).get("error").isTextual());
    assertEquals(403, send(HttpRequest.newBuilder(app.uri("/api/users"))).statusCode());
  }

  @Test
  void uploadsAreRateLimitedPerUser() throws Exception {
    String curator =
        app.token(app.createUser("uploader", Role.CURATOR), TestCatalog.passwordOf("uploader"));
    int[] statuses = new int[4];
    HttpResponse<String> last = null;
    for (int i = 0; i < 4; i++) {
      Multipart form =
          new Multipart()
              .file("file", "r" + i + ".png", "image/png", TestImages.png(12, 12, 500 + i));
      last =
          send(
              HttpRequest.newBuilder(app.uri("/api/images"))
                  .header("Authorization", "Bearer " + curator)
                  .header("Content-Type", form.contentType())
                  .POST(form.publisher()));
      statuses[i] = last.statusCode();
    }
    assertEquals("[201, 201, 201, 429]", java.util.Arrays.toString(statuses));
    assertTrue(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    assertTrue(JSON.readTree(last.body()).get("error").asText().contains("upload limit"));
  }

  @Test
  void repeatedWrongPasswordsAreSlowedDown() throws Exception {
    app.createUser("target", Role.VIEWER);
    for (int i = 0; i < 3; i++) {
      assertEquals(401, send(login("target", "guess-" + i)).statusCode());
    }
    HttpResponse<String> locked = send(login("target", TestCatalog.passwordOf("target")));
    assertEquals(
        429, locked.statusCode(), "even the right password waits until the delay has passed");
    assertTrue(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    assertTrue(JSON.readTree(locked.body()).get("error").asText().contains("too many"));
  }
}
