package org.concepthash.catalog.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database of a catalog for the lifetime of one process: either an embedded PostgreSQL with its
 * files under {@code dataDir/db} (started here, locked against other processes) or an external one.
 * Produces the Micronaut properties that point the data source and Flyway at it.
 */
public final class CatalogDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CatalogDatabase.class);
  static final String EMBEDDED_DATABASE = "concepthash";

  /** A fast shutdown ends at the next checkpoint; generous for a large catalog on a slow disk. */
  private static final Duration LEFTOVER_SHUTDOWN_WAIT = Duration.ofSeconds(120);

  private final CatalogLocation location;
  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final EmbeddedPostgres embedded;
  private final DataDirectoryLock lock;

  /** Users of the database (the application context) to close before it, newest first. */
  private final Deque<AutoCloseable> users = new ArrayDeque<>();

  private final Thread shutdownHook = new Thread(this::closeQuietly, "catalog-database-shutdown");
  private boolean closed;

  private CatalogDatabase(
      CatalogLocation location,
      String jdbcUrl,
      String user,
      String password,
      EmbeddedPostgres embedded,
      DataDirectoryLock lock) {
    this.location = location;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
    this.lock = lock;
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Opens the catalog database: starts the embedded one when no external URL is configured. */
  public static CatalogDatabase open(CatalogLocation location) throws IOException {
    Files.createDirectories(location.dataDir());
    if (location.database().isPresent()) {
      CatalogLocation.ExternalDatabase db = location.database().get();
      return new CatalogDatabase(location, db.jdbcUrl(), db.user(), db.password(), null, null);
    }
    DataDirectoryLock lock = DataDirectoryLock.acquire(location.dataDir());
    try {
      Path dbDir = location.dataDir().resolve("db");
      Files.createDirectories(dbDir);
      // a process killed with its database running leaves the daemonised server behind; we hold the
      // lock,
      // so no live ConceptHash process uses it
      Optional<LeftoverPostmaster> leftover = LeftoverPostmaster.find(dbDir);
      if (leftover.isPresent()) {
        leftover.get().stop(dbDir, LEFTOVER_SHUTDOWN_WAIT);
      }
      LOG.info("Starting embedded PostgreSQL in {}", dbDir);
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dbDir)
              .setCleanDataDirectory(false)
              .setServerConfig("max_connections", "50")
              // the library starts PostgreSQL with its test settings (-F, i.e. fsync off, and
              // synchronous_commit off): a power cut could then lose acknowledged labels or corrupt
              // the
              // cluster. These -c options follow -F on the command line, so they win.
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              // our own hook stops it, after its users (see closeFirst): the library's hook would
              // race them
              .setRegisterShutdownHook(false)
              .start();
      createDatabaseIfMissing(pg);
      return new CatalogDatabase(
          location, pg.getJdbcUrl("postgres", EMBEDDED_DATABASE), "postgres", "", pg, lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres pg) throws IOException {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      var rs =
          s.executeQuery("select 1 from pg_database where datname = '" + EMBEDDED_DATABASE + "'");
      if (!rs.next()) {
        s.execute("create database " + EMBEDDED_DATABASE);
      }
    } catch (SQLException e) {
      throw new IOException("cannot prepare the embedded database: " + e.getMessage(), e);
    }
  }

  public CatalogLocation location() {
    return location;
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  /**
   * URL, user and password of this database (embedded or external), for JDBC tools such as backup.
   */
  public CatalogLocation.ExternalDatabase coordinates() {
    return new CatalogLocation.ExternalDatabase(jdbcUrl, user, password);
  }

  /** Properties for the Micronaut application context (data source, JPA, Flyway, data dir). */
  public Map<String, Object> micronautProperties() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("datasources.default.url", jdbcUrl);
    p.put("datasources.default.username", user);
    p.put("datasources.default.password", password);
    p.put("concepthash.data-dir", location.dataDir().toString());
    p.put("concepthash.embedded-database", embedded != null);
    return p;
  }

  /**
   * Registers something that uses the database (e.g. the application context with its job worker)
   * to be closed before the database, by {@link #close} or at JVM shutdown (Ctrl-C), so it can
   * still write.
   */
  public synchronized void closeFirst(AutoCloseable user) {
    users.push(user);
  }

  /**
   * Closes the registered users, then stops the embedded server and releases the data directory.
   */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      while (!users.isEmpty()) {
        try {
          users.pop().close();
        } catch (Exception e) {
          LOG.warn("closing a database user failed: {}", e.getMessage(), e);
        }
      }
      if (embedded != null) {
        embedded.close();
      }
    } finally {
      if (lock != null) {
        lock.close();
      }
      if (Thread.currentThread() != shutdownHook) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or about to: it finds the database closed
        }
      }
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      LOG.warn("stopping the embedded database at shutdown failed: {}", e.getMessage());
    }
  }
}
