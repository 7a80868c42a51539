package org.concepthash.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole application for a test: a fresh database, a temporary data directory and, when asked, the
 * HTTP server on a free port. Closing stops everything and removes the database.
 */
public final class TestCatalog implements AutoCloseable {

  private final TestDatabase database;
  private final Path dataDir;
  private final ApplicationContext context;
  private final EmbeddedServer server;

  private TestCatalog(TestDatabase database, Path dataDir, ApplicationContext context, EmbeddedServer server) {
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
