package org.concepthash.catalog.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * Run in a child JVM by {@link CrashRestartIT}: opens the embedded catalog database of the
 * directory in {@code args[0]}, writes a marker row, prints {@code READY} and waits to be killed.
 */
public final class HoldCatalogOpen {

  public static final String READY = "READY";

  private HoldCatalogOpen() {}

  public static void main(String[] args) throws Exception {
    CatalogLocation location =
        CatalogLocation.resolve(Optional.of(Path.of(args[0])), Optional.empty(), Map.of());
    CatalogDatabase db = CatalogDatabase.open(location);
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("create table if not exists marker (v int); insert into marker values (42)");
    }
    // an open session too, as the application holds a pool of them
    Connection held = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
    held.setAutoCommit(false);
    try (Statement s = held.createStatement()) {
      s.execute("insert into marker values (7)"); // never committed: the kill must roll it back
    }
    System.out.println(READY);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
