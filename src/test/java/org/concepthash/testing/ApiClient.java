package org.concepthash.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.concepthash.accounts.Role;

/**
 * The REST fixture's client: requests to a {@link TestCatalog} with its HTTP server, signed in with
 * one token (or anonymous), and their JSON answers.
 */
public final class ApiClient {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestCatalog app;
  private final String token;

  private ApiClient(TestCatalog app, String token) {
    this.app = app;
    this.token = token;
  }

  /** Signed in as the test user of this role ({@link TestCatalog#tokenFor}). */
  public static ApiClient as(TestCatalog app, Role role) {
    return new ApiClient(app, app.tokenFor(role));
  }

  /** Without a token. */
  public static ApiClient anonymous(TestCatalog app) {
    return new ApiClient(app, null);
  }

  /** A request to {@code path}, with this client's token. */
  public HttpRequest.Builder at(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path));
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  public HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  public HttpResponse<byte[]> get(String path) throws Exception {
    return send(at(path));
  }

  /** {@code method} with a JSON body. */
  public HttpResponse<byte[]> sendJson(String method, String path, String body) throws Exception {
    return send(
        at(path)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<byte[]> post(String path, Multipart form) throws Exception {
    return send(at(path).header("Content-Type", form.contentType()).POST(form.publisher()));
  }

  /** The JSON answer of a GET that must succeed (200). */
  public JsonNode getOk(String path) throws Exception {
    return ok(get(path));
  }

  /** The JSON answer of a POST with a JSON body that must succeed (200). */
  public JsonNode postOk(String path, String body) throws Exception {
    return ok(sendJson("POST", path, body));
  }

  public static JsonNode json(HttpResponse<byte[]> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The response body as text, for failure messages. */
  public static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static JsonNode ok(HttpResponse<byte[]> response) {
    assertEquals(200, response.statusCode(), text(response));
    return json(response);
  }
}
