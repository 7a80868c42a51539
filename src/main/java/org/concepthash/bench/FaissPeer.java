package org.concepthash.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs FAISS {@code IndexBinaryFlat} (Debian {@code python3-faiss}) on the identical codes in a
 * Python subprocess ({@code bench/faiss_search.py}) and reads back its timings and top-k distances.
 */
final class FaissPeer {

  /** One case for the peer. */
  record Case(String name, int threads, int batch, boolean subcode, int repeats) {}

  /** The peer's answer for one case: its latency and the top-k distances of every timed query. */
  record Timing(Latency latency, List<int[]> distances) {}

  private static final Pattern CASE =
      Pattern.compile(
          "\"case\": \"([^\"]+)\", \"ms\": ([0-9.eE+-]+), \"best_ms\": ([0-9.eE+-]+), \"cpu_ms\":"
              + " ([0-9.eE+-]+), \"distances\": \\[(.*)\\]}");

  private final String python;
  private final Path workDir;

  FaissPeer(String python, Path workDir) {
    this.python = python;
    this.workDir = workDir;
  }

  /** Whether {@code python} can import faiss; the reason it cannot otherwise. */
  String unavailableReason() {
    try {
      Process p =
          new ProcessBuilder(python, "-c", "import faiss").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0
          ? null
          : python + ": " + out.strip();
    } catch (IOException | InterruptedException e) {
      return python + ": " + e.getMessage();
    }
  }

  /** Runs every case on {@code database} (one 64-bit code per long) with the given queries. */
  Map<String, Timing> run(long[] database, long[] queries, int k, List<Case> cases)
      throws IOException {
    Path db = workDir.resolve("database.bin");
    Path qs = workDir.resolve("queries.bin");
    Path script = workDir.resolve("faiss_search.py");
    write(database, db);
    write(queries, qs);
    try (InputStream in = FaissPeer.class.getResourceAsStream("/bench/faiss_search.py")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    StringBuilder caseJson = new StringBuilder();
    for (Case c : cases) {
      caseJson
          .append(caseJson.length() == 0 ? "" : ", ")
          .append(
              String.format(
                  "{\"case\": \"%s\", \"threads\": %d, \"batch\": %d, \"subcode\": %s, \"repeats\":"
                      + " %d}",
                  c.name(), c.threads(), c.batch(), c.subcode(), c.repeats()));
    }
    String spec =
        String.format(
            "{\"database\": \"%s\", \"n\": %d, \"bytes\": 8, \"queries\": \"%s\", \"nq\": %d,"
                + " \"k\": %d, \"subcode_bytes\": 2, \"cases\": [%s]}",
            db, database.length, qs, queries.length, k, caseJson);
    Process process =
        new ProcessBuilder(python, script.toString(), spec).redirectErrorStream(true).start();
    Map<String, Timing> timings = new HashMap<>();
    List<String> other = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        Matcher m = CASE.matcher(line);
        if (m.find()) {
          timings.put(
              m.group(1),
              new Timing(
                  new Latency(
                      Double.parseDouble(m.group(2)),
                      Double.parseDouble(m.group(3)),
                      Double.parseDouble(m.group(4))),
                  parseDistances(m.group(5))));
        } else {
          other.add(line);
        }
      }
    }
    try {
      if (process.waitFor() != 0) {
        throw new IOException("FAISS peer failed: " + String.join("\n", other));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(db);
      Files.deleteIfExists(qs);
    }
    return timings;
  }

  /** Parses "[1, 2], [3, 4]" into int arrays. */
  private static List<int[]> parseDistances(String text) {
    List<int[]> rows = new ArrayList<>();
    for (String row : text.split("\\],\\s*\\[")) {
      String clean = row.replace("[", "").replace("]", "").trim();
      if (clean.isEmpty()) {
        continue;
      }
      String[] parts = clean.split(",\\s*");
      int[] values = new int[parts.length];
      for (int i = 0; i < parts.length; i++) {
        values[i] = Integer.parseInt(parts[i]);
      }
      rows.add(values);
    }
    return rows;
  }

  /**
   * Little-endian words: byte b of a code holds its bits 8b..8b+7, as FAISS reads a binary code.
   */
  private static void write(long[] codes, Path file) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
      for (long code : codes) {
        if (!buffer.hasRemaining()) {
          buffer.flip();
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          buffer.clear();
        }
        buffer.putLong(code);
      }
      buffer.flip();
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }
}
