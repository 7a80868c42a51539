package org.concepthash.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concepthash.accounts.AccountService;
import org.concepthash.accounts.Role;

/**
 * The whole application for a test: a fresh database, a temporary data directory and, when asked,
 * the HTTP server on a free port. Closing stops everything and removes the database.
 */
public final class TestCatalog implements AutoCloseable {

  private final TestDatabase database;
  private final Path dataDir;
  private final ApplicationContext context;
  private final EmbeddedServer server;

  private TestCatalog(
      TestDatabase database, Path dataDir, ApplicationContext context, EmbeddedServer server) {
    this.database = database;
    this.dataDir = dataDir;
    this.context = context;
    this.server = server;
  }

  /** Services only (no HTTP server). */
  public static TestCatalog services() {
    return start(false, Map.of());
  }

  /** Services and the HTTP server (UI and REST) on a free port. */
  public static TestCatalog server() {
    return start(true, Map.of());
  }

  public static TestCatalog start(boolean http, Map<String, Object> extra) {
    TestDatabase database = TestDatabase.create();
    try {
      Path dataDir = Files.createTempDirectory("concepthash-test");
      Map<String, Object> props = new HashMap<>(database.properties());
      props.put("concepthash.data-dir", dataDir.toString());
      props.put("concepthash.embedded-database", false);
      props.put("micronaut.server.port", -1);
      // tests that train start their own workers; none runs behind another test's back
      props.put("concepthash.jobs.worker.enabled", false);
      props.putAll(extra);
      ApplicationContext context =
          ApplicationContext.builder().deduceEnvironment(false).properties(props).start();
      EmbeddedServer server = null;
      if (http) {
        server = context.getBean(EmbeddedServer.class);
        server.start();
      }
      return new TestCatalog(database, dataDir, context, server);
    } catch (IOException | RuntimeException e) {
      database.close();
      throw new IllegalStateException(e);
    }
  }

  /** The password {@link #createUser} gives every test user. */
  public static String passwordOf(String username) {
    return "test-password-" + username;
  }

  /** A user with the given role and the password {@link #passwordOf}. */
  public String createUser(String username, Role role) {
    bean(AccountService.class).create(username, passwordOf(username), role, "test");
    return username;
  }

  /** An API token from {@code POST /api/login} (needs the HTTP server). */
  public String token(String username, String password) {
    try {
      String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri("/api/login"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
      if (r.statusCode() != 200 || !m.find()) {
        throw new IllegalStateException(
            "login of " + username + " failed: " + r.statusCode() + " " + r.body());
      }
      return m.group(1);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A token of a user with this role ({@code test-viewer}, ...), created on first use. */
  public String tokenFor(Role role) {
    String username = "test-" + role.id();
    if (bean(AccountService.class).find(username).isEmpty()) {
      createUser(username, role);
    }
    return token(username, passwordOf(username));
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public ApplicationContext context() {
    return context;
  }

  public TestDatabase database() {
    return database;
  }

  public Path dataDir() {
    return dataDir;
  }

  public URI uri(String path) {
    return server.getURI().resolve(path);
  }

  @Override
  public void close() {
    try {
      if (server != null) {
        server.stop();
      }
      context.close();
    } finally {
      database.close();
      TestFiles.deleteRecursively(dataDir);
    }
  }
}
