package org.concepthash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.concepthash.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} end to end against an external PostgreSQL given by --database-url. */
class ImportCommandIT {

  @TempDir Path tmp;

  @Test
  void importsASynthesisedWorldOnceAndReportsTheSecondRunAsAlreadyDone() throws Exception {
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
      String[] args = {
        "import",
        "--data-dir",
        tmp.resolve("home").toString(),
        "--database-url",
        db.jdbcUrl(),
        world.toString()
      };

      Run first = run(args);
      assertEquals(0, first.exit(), first.out());
      assertTrue(first.out().contains("parts: 3 classes, importing 6 of 6 images"), first.out());
      assertTrue(
          first
              .out()
              .contains(
                  "imported 6, duplicates 0, already imported by an earlier run 0, refused 0"),
          first.out());

      Run second = run(args);
      assertEquals(0, second.exit(), second.out());
      assertTrue(
          second
              .out()
              .contains(
                  "imported 0, duplicates 0, already imported by an earlier run 6, refused 0"),
          second.out());
      assertEquals(6, count(db, "select count(*) from image"));
      assertEquals(3, count(db, "select count(*) from image_class where family is not null"));
    }
  }

  @Test
  void aMalformedDataSetImportsNothingAndNamesTheLine() throws Exception {
    Path list = tmp.resolve("list");
    Files.createDirectories(list);
    Files.write(list.resolve("a.png"), org.concepthash.testing.TestImages.png(8, 8, 1));
    Files.writeString(list.resolve("train.txt"), "a.png 0\nb.png 0\n");
    try (TestDatabase db = TestDatabase.create()) {
      Run run =
          run(
              "import",
              "--data-dir",
              tmp.resolve("home").toString(),
              "--database-url",
              db.jdbcUrl(),
              list.toString());
      assertEquals(2, run.exit());
      assertTrue(
          run.err().contains(list.resolve("train.txt") + ":2: image file not found"), run.err());
      // the catalog was never opened: no schema, no rows
      assertEquals(
          0,
          count(db, "select count(*) from information_schema.tables where table_name = 'image'"));
    }
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int exit = Main.run(args);
      return new Run(
          exit,
          outBytes.toString(StandardCharsets.UTF_8),
          errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
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
