package org.concepthash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.concepthash.onnx.PackageFixtures;
import org.concepthash.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code models add PACKAGE --activate} against an external PostgreSQL: registered, encoded,
 * active.
 */
class ModelsCommandIT {

  @TempDir Path tmp;

  @Test
  void addRegistersEncodesAndActivatesAPackage() throws Exception {
    Path world = tmp.resolve("world");
    assertEquals(
        0,
        Main.run(
            "synth",
            "--out",
            world.toString(),
            "--classes",
            "3",
            "--per-class",
            "2",
            "--size",
            "32",
            "--seed",
            "7"));
    try (TestDatabase db = TestDatabase.create()) {
      String home = tmp.resolve("home").toString();
      assertEquals(
          0,
          Main.run("import", "--data-dir", home, "--database-url", db.jdbcUrl(), world.toString()));
      assertEquals(
          0,
          Main.run(
              "models",
              "add",
              "--data-dir",
              home,
              "--database-url",
              db.jdbcUrl(),
              PackageFixtures.microV1().toString()));
      assertEquals(
          0,
          count(db, "select count(*) from model_version where active"),
          "not active without --activate");
      // adding it again with --activate continues (nothing left to encode) and activates
      assertEquals(
          0,
          Main.run(
              "models",
              "add",
              "--activate",
              "--data-dir",
              home,
              "--database-url",
              db.jdbcUrl(),
              PackageFixtures.microV1().toString()));
      assertEquals(1, count(db, "select count(*) from model_version where active"));
      assertEquals(6, count(db, "select count(*) from image_code"));
      assertEquals(
          0, Main.run("models", "list", "--data-dir", home, "--database-url", db.jdbcUrl()));
      assertEquals(
          2,
          Main.run(
              "models",
              "add",
              "--data-dir",
              home,
              "--database-url",
              db.jdbcUrl(),
              tmp.resolve("missing.zip").toString()),
          "a missing file is one clear error line");
    }
  }

  private static long count(TestDatabase db, String sql) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
