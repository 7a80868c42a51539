package org.concepthash.catalog.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.concepthash.testing.TestFiles;
import org.junit.jupiter.api.Test;

/**
 * Which postmaster.pid files are stale (deleted) and which name a server to stop (see
 * CrashRestartIT).
 */
class LeftoverPostmasterTest {

  @Test
  void aPidFileWhoseProcessIsAnotherProgramIsStale() throws Exception {
    Path dir = Files.createTempDirectory("ch-pid");
    try {
      // this JVM is alive but is no postgres serving dir: the pid was reused after a power cut
      Files.writeString(
          dir.resolve(LeftoverPostmaster.PID_FILE),
          ProcessHandle.current().pid() + "\n" + dir + "\n1700000000\n5432\n");
      assertTrue(LeftoverPostmaster.find(dir).isEmpty());
      assertFalse(Files.exists(dir.resolve(LeftoverPostmaster.PID_FILE)));
    } finally {
      TestFiles.deleteRecursively(dir);
    }
  }

  @Test
  void aPidFileOfAGoneProcessOrUnreadableIsStale() throws Exception {
    Path dir = Files.createTempDirectory("ch-pid");
    try {
      Process p = new ProcessBuilder("true").start();
      p.waitFor();
      Files.writeString(dir.resolve(LeftoverPostmaster.PID_FILE), p.pid() + "\n" + dir + "\n");
      assertTrue(LeftoverPostmaster.find(dir).isEmpty());
      assertFalse(Files.exists(dir.resolve(LeftoverPostmaster.PID_FILE)));

      Files.writeString(dir.resolve(LeftoverPostmaster.PID_FILE), "12ab"); // torn write
      assertTrue(LeftoverPostmaster.find(dir).isEmpty());
      assertFalse(Files.exists(dir.resolve(LeftoverPostmaster.PID_FILE)));
    } finally {
      TestFiles.deleteRecursively(dir);
    }
  }

  @Test
  void onlyAPostgresWithThisDataDirectoryServesIt() {
    assertFalse(LeftoverPostmaster.servesDirectory(ProcessHandle.current().pid(), Path.of("/tmp")));
    assertFalse(LeftoverPostmaster.servesDirectory(Long.MAX_VALUE, Path.of("/tmp")));
  }
}
