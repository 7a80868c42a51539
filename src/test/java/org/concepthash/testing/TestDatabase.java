package org.concepthash.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database for one test class: on the local service (127.0.0.1:5432,
 * trust authentication, as on the development and CI machines) when it answers, otherwise on an
 * embedded PostgreSQL. Dropped on close.
 */
public final class TestDatabase implements AutoCloseable {

  private static final String LOCAL_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  private final String adminUrl;
  private final String name;
  private final EmbeddedPostgres embedded;

  private TestDatabase(String adminUrl, String name, EmbeddedPostgres embedded) {
    this.adminUrl = adminUrl;
    this.name = name;
    this.embedded = embedded;
  }

  public static TestDatabase create() {
    String name = "ch_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try {
      EmbeddedPostgres embedded = null;
      String adminUrl = LOCAL_ADMIN_URL;
      if (!localServiceAnswers()) {
        embedded = EmbeddedPostgres.builder().start();
        adminUrl = embedded.getJdbcUrl("postgres", "postgres");
      }
      try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("create database " + name);
      }
      return new TestDatabase(adminUrl, name, embedded);
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
    }
  }

  private static boolean localServiceAnswers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public String jdbcUrl() {
    int slash = adminUrl.lastIndexOf('/');
    int query = adminUrl.indexOf('?', slash);
    return adminUrl.substring(0, slash + 1) + name + (query > 0 ? adminUrl.substring(query) : "");
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", "");
  }

  /** Micronaut properties pointing the data source at this database. */
  public Map<String, Object> properties() {
    return Map.of(
        "datasources.default.url", jdbcUrl(),
        "datasources.default.username", "postgres",
        "datasources.default.password", "");
  }

  @Override
  public void close() {
    try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException e) {
      // a leftover test database is harmless; never hide the test's own result
    }
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        // same as above
      }
    }
  }
}
