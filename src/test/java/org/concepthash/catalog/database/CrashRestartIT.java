package org.concepthash.catalog.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concepthash.testing.TestFiles;
import org.junit.jupiter.api.Test;

/**
 * A catalog whose process was killed with kill -9 opens again on the first try: the embedded server
 * it left running is found by its pid file and command line, shut down, and a new one starts on the
 * data.
 */
class CrashRestartIT {

  @Test
  void aStartRightAfterKillDashNineWorksOnTheFirstTry() throws Exception {
    Path dir = Files.createTempDirectory("ch-crash");
    Path output = dir.resolve("child.log");
    Path dataDir = dir.resolve("catalog");
    try {
      Process child = startChild(dataDir, output);
      try {
        awaitReady(child, output);
      } finally {
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        child.waitFor();
      }
      Path dbDir = dataDir.resolve("db");
      long orphan =
          Long.parseLong(
              Files.readAllLines(dbDir.resolve(LeftoverPostmaster.PID_FILE)).get(0).trim());
      ProcessHandle orphanHandle = ProcessHandle.of(orphan).orElseThrow();
      assertTrue(
          orphanHandle.isAlive(),
          "the killed JVM's postmaster outlives it (the situation under test)");
      assertTrue(
          LeftoverPostmaster.servesDirectory(orphan, dbDir), "its command line names the data dir");

      CatalogLocation location =
          CatalogLocation.resolve(Optional.of(dataDir), Optional.empty(), Map.of());
      Instant start = Instant.now();
      try (CatalogDatabase db = CatalogDatabase.open(location);
          Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
          Statement s = c.createStatement()) {
        assertFalse(orphanHandle.isAlive(), "the leftover server was stopped");
        List<Integer> values = new ArrayList<>();
        ResultSet rs = s.executeQuery("select v from marker order by v");
        while (rs.next()) {
          values.add(rs.getInt(1));
        }
        assertEquals(List.of(42), values, "committed row kept, the open transaction rolled back");
      }
      assertTrue(Duration.between(start, Instant.now()).toSeconds() < 60, "restart took too long");
    } finally {
      TestFiles.deleteRecursively(dir);
    }
  }

  private static Process startChild(Path dataDir, Path output) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            HoldCatalogOpen.class.getName(),
            dataDir.toString())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
  }

  private static void awaitReady(Process child, Path output) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(output) && Files.readAllLines(output).contains(HoldCatalogOpen.READY)) {
        return;
      }
      if (!child.isAlive()) {
        throw new AssertionError(
            "the child JVM exited with " + child.exitValue() + ":\n" + Files.readString(output));
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "the child JVM did not open the catalog:\n" + Files.readString(output));
  }
}
