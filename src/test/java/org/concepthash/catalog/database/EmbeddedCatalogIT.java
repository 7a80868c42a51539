package org.concepthash.catalog.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.concepthash.testing.TestFiles;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL of a data directory: persistent across starts, and locked while in use.
 */
class EmbeddedCatalogIT {

  @Test
  void keepsDataAcrossRestartsAndRefusesASecondProcessWithAClearMessage() throws Exception {
    Path dir = Files.createTempDirectory("ch-embedded");
    try {
      CatalogLocation location =
          CatalogLocation.resolve(Optional.of(dir), Optional.empty(), Map.of());
      try (CatalogDatabase db = CatalogDatabase.open(location)) {
        exec(db, "create table marker (v int); insert into marker values (42)");
        // a catalog outlives a power cut: the running server says so, not its configuration file
        assertEquals("on", show(db, "fsync"));
        assertEquals("on", show(db, "synchronous_commit"));
        assertEquals("on", show(db, "full_page_writes"));
        CatalogInUseException e =
            assertThrows(CatalogInUseException.class, () -> CatalogDatabase.open(location));
        assertTrue(
            e.getMessage().contains("in use by another ConceptHash process"), e.getMessage());
        assertTrue(e.getMessage().contains("DATABASE_URL"), e.getMessage());
      }
      try (CatalogDatabase again = CatalogDatabase.open(location);
          Connection c = DriverManager.getConnection(again.jdbcUrl(), "postgres", "");
          Statement s = c.createStatement()) {
        var rs = s.executeQuery("select v from marker");
        rs.next();
        assertEquals(42, rs.getInt(1));
      }
    } finally {
      TestFiles.deleteRecursively(dir);
    }
  }

  private static String show(CatalogDatabase db, String setting) throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("show " + setting);
      rs.next();
      return rs.getString(1);
    }
  }

  private static void exec(CatalogDatabase db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
