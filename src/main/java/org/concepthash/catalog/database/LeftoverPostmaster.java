package org.concepthash.catalog.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server still running on an embedded data directory after the process that started it
 * died (kill -9, a crash). pg_ctl daemonises the postmaster, so it outlives its parent; a new start
 * on the same directory fails while it runs, and deleting its {@code postmaster.pid} only hides it
 * (its shared memory still locks the cluster). It is stopped with a fast shutdown (open
 * transactions roll back, the data stays consistent) before the new server starts.
 *
 * <p>Only called while this process holds the {@link DataDirectoryLock}, so no live ConceptHash
 * process owns the server.
 */
final class LeftoverPostmaster {

  private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);
  static final String PID_FILE = "postmaster.pid";

  private final long pid;
  private final ProcessHandle process;

  private LeftoverPostmaster(long pid, ProcessHandle process) {
    this.pid = pid;
    this.process = process;
  }

  /**
   * The server running on {@code dbDir}, if its pid file names a live process whose command line
   * starts PostgreSQL on that directory. A pid file whose process is gone (power cut, or the server
   * was killed too) or now belongs to another program is stale and deleted.
   */
  static Optional<LeftoverPostmaster> find(Path dbDir) throws IOException {
    Path pidFile = dbDir.resolve(PID_FILE);
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    Optional<Long> pid = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0));
    Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    if (process.isPresent() && servesDirectory(process.get().pid(), dbDir)) {
      return Optional.of(new LeftoverPostmaster(pid.get(), process.get()));
    }
    LOG.info(
        "Removing the stale {} of a server that is no longer running (pid {})",
        pidFile,
        pid.map(String::valueOf).orElse("unreadable"));
    Files.deleteIfExists(pidFile);
    return Optional.empty();
  }

  long pid() {
    return pid;
  }

  /**
   * Asks the server for a fast shutdown and waits for it to exit; PostgreSQL removes its pid file
   * itself.
   *
   * @throws CatalogInUseException when it is still running after {@code wait}
   */
  void stop(Path dbDir, Duration wait) throws IOException {
    LOG.warn(
        "A PostgreSQL server (pid {}) left running by a ConceptHash process that stopped abruptly"
            + " still serves {}; shutting it down before starting a new one",
        pid,
        dbDir);
    requestFastShutdown();
    try {
      process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new CatalogInUseException(
          "The PostgreSQL server (pid "
              + pid
              + ") left running on "
              + dbDir
              + " did not stop within "
              + wait.toSeconds()
              + " s. Stop it (kill -INT "
              + pid
              + ") and start again.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the old PostgreSQL server to stop", e);
    } catch (ExecutionException e) {
      throw new IOException("cannot wait for the old PostgreSQL server to stop", e);
    }
    LOG.info("The old PostgreSQL server (pid {}) stopped", pid);
  }

  /**
   * SIGINT is PostgreSQL's fast shutdown. Java can only send SIGTERM (a smart shutdown, which waits
   * for every session), and pg_ctl refuses to run as root, which the embedded server allows
   * (containers).
   */
  private void requestFastShutdown() throws IOException {
    List<String> command = List.of("kill", "-INT", String.valueOf(pid));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.waitFor() != 0) {
        // it may have exited on its own meanwhile; the wait below tells
        LOG.warn("kill -INT {} exited with {}: {}", pid, p.exitValue(), output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the old PostgreSQL server", e);
    }
  }

  private static Optional<Long> parsePid(String line) {
    try {
      long pid = Long.parseLong(line.trim());
      // a negative pid marks a single-user backend; it has no postmaster to stop
      return pid > 0 ? Optional.of(pid) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the process is a {@code postgres} started with {@code -D dbDir} (its command line, from
   * /proc).
   */
  static boolean servesDirectory(long pid, Path dbDir) {
    List<String> args = commandLine(pid);
    if (args.isEmpty() || !Path.of(args.get(0)).getFileName().toString().equals("postgres")) {
      return false;
    }
    for (int i = 1; i < args.size(); i++) {
      String dir = null;
      if (args.get(i).equals("-D") && i + 1 < args.size()) {
        dir = args.get(i + 1);
      } else if (args.get(i).startsWith("-D") && args.get(i).length() > 2) {
        dir = args.get(i).substring(2);
      }
      if (dir != null && sameFile(Path.of(dir), dbDir)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> commandLine(long pid) {
    // /proc keeps the original argv; ProcessHandle.Info.arguments() is empty on some JDKs and for
    // other users
    Path cmdline = Path.of("/proc", String.valueOf(pid), "cmdline");
    try {
      String raw = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
      return raw.isEmpty() ? List.of() : List.of(raw.split("\0"));
    } catch (IOException e) {
      return List.of();
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }
}
