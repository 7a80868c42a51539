package org.concepthash.catalog.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogLocationTest {

  @Test
  void defaultsToTheEmbeddedDatabaseUnderConcepthashHome() {
    CatalogLocation l =
        CatalogLocation.resolve(
            Optional.empty(), Optional.empty(), Map.of("CONCEPTHASH_HOME", "/srv/ch"));
    assertEquals(Path.of("/srv/ch"), l.dataDir());
    assertTrue(l.embedded());
  }

  @Test
  void commandLineWinsOverTheEnvironment() {
    CatalogLocation l =
        CatalogLocation.resolve(
            Optional.of(Path.of("/data")),
            Optional.of("jdbc:postgresql://db:5432/cat"),
            Map.of("CONCEPTHASH_HOME", "/srv/ch", "DATABASE_URL", "postgres://x@y/z"));
    assertEquals(Path.of("/data"), l.dataDir());
    assertEquals("jdbc:postgresql://db:5432/cat", l.database().orElseThrow().jdbcUrl());
  }

  @Test
  void understandsPostgresUrlsWithCredentials() {
    var db =
        CatalogLocation.resolve(
                Optional.empty(),
                Optional.empty(),
                Map.of("DATABASE_URL", "postgres://app:s3cret@db.internal/catalog?sslmode=require"))
            .database()
            .orElseThrow();
    assertEquals("jdbc:postgresql://db.internal:5432/catalog?sslmode=require", db.jdbcUrl());
    assertEquals("app", db.user());
    assertEquals("s3cret", db.password());
  }

  @Test
  void takesUserAndPasswordFromTheEnvironmentForJdbcUrls() {
    var db =
        CatalogLocation.resolve(
                Optional.empty(),
                Optional.empty(),
                Map.of(
                    "DATABASE_URL",
                    "jdbc:postgresql://h/d",
                    "DATABASE_USER",
                    "u",
                    "DATABASE_PASSWORD",
                    "p"))
            .database()
            .orElseThrow();
    assertEquals("u", db.user());
    assertEquals("p", db.password());
  }

  @Test
  void refusesOtherUrlsWithAClearMessage() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CatalogLocation.resolve(Optional.empty(), Optional.of("mysql://h/d"), Map.of()));
    assertTrue(e.getMessage().contains("jdbc:postgresql:"));
  }
}
