package org.concepthash.web;

import static org.concepthash.testing.ApiClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.concepthash.accounts.Role;
import org.concepthash.testing.ApiClient;
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

  private static TestCatalog app;

  /** Requests carry their token, if any, themselves. */
  private static ApiClient anonymous;

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
    anonymous = ApiClient.anonymous(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<byte[]> login(String user, String password) throws Exception {
    return anonymous.sendJson(
        "POST", "/api/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
  }

  @Test
  void tokensExpire() throws Exception {
    String token = app.tokenFor(Role.VIEWER);
    HttpRequest.Builder me =
        anonymous.at("/api/users/me").header("Authorization", "Bearer " + token);
    assertEquals("test-viewer", json(anonymous.send(me)).get("username").asText());
    Thread.sleep(4_100);
    HttpResponse<byte[]> expired = anonymous.send(me);
    assertEquals(
        401, expired.statusCode(), "an expired token is refused, not downgraded to anonymous");
    assertTrue(json(expired).get("error").isTextual());
  }

  @Test
  void anonymousVisitorsMayBrowseButNotChange() throws Exception {
    HttpResponse<byte[]> list = anonymous.get("/api/classes");
    assertEquals(200, list.statusCode());
    assertEquals("anonymous", json(anonymous.get("/api/users/me")).get("username").asText());
    HttpResponse<byte[]> create =
        anonymous.sendJson("POST", "/api/classes", "{\"name\":\"anon_class\"}");
    assertEquals(403, create.statusCode(), "a viewer's role does not allow creating classes");
    assertTrue(json(create).get("error").isTextual());
    assertEquals(403, anonymous.get("/api/users").statusCode());
  }

  @Test
  void uploadsAreRateLimitedPerUser() throws Exception {
    String curator =
        app.token(app.createUser("uploader", Role.CURATOR), TestCatalog.passwordOf("uploader"));
    int[] statuses = new int[4];
    HttpResponse<byte[]> last = null;
    for (int i = 0; i < 4; i++) {
      Multipart form =
          new Multipart()
              .file("file", "r" + i + ".png", "image/png", TestImages.png(12, 12, 500 + i));
      last =
          anonymous.send(
              anonymous
                  .at("/api/images")
                  .header("Authorization", "Bearer " + curator)
                  .header("Content-Type", form.contentType())
                  .POST(form.publisher()));
      statuses[i] = last.statusCode();
    }
    assertEquals("[201, 201, 201, 429]", java.util.Arrays.toString(statuses));
    assertTrue(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    assertTrue(json(last).get("error").asText().contains("upload limit"));
  }

  @Test
  void repeatedWrongPasswordsAreSlowedDown() throws Exception {
    app.createUser("target", Role.VIEWER);
    for (int i = 0; i < 3; i++) {
      assertEquals(401, login("target", "guess-" + i).statusCode());
    }
    HttpResponse<byte[]> locked = login("target", TestCatalog.passwordOf("target"));
    assertEquals(
        429, locked.statusCode(), "even the right password waits until the delay has passed");
    assertTrue(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    assertTrue(json(locked).get("error").asText().contains("too many"));
  }
}
