package org.concepthash.bench;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the PyTorch eager peer ({@code bench/concepthash_torch.py}, Debian {@code python3-torch}) as
 * a subprocess: the spec goes in as one JSON argument, one JSON object per stdout line comes back,
 * its stderr (progress) is passed through to ours.
 */
public final class TorchPeer {

  public static final String SCRIPT = "concepthash_torch.py";
  private static final Gson GSON = new Gson();

  private final String python;
  private final Path workDir;

  public TorchPeer(String python, Path workDir) {
    this.python = python;
    this.workDir = workDir;
  }

  /** Whether {@code python} can import torch; why not otherwise (null when it can). */
  public static String unavailableReason(String python) {
    try {
      Process p =
          new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0
          ? null
          : python + ": " + out.strip();
    } catch (IOException | InterruptedException e) {
      return python + ": " + e.getMessage();
    }
  }

  /**
   * The peer of a benchmark run with {@code python} in {@code workDir}; null when the run has no
   * peer ({@code python} null, i.e. --no-torch).
   *
   * @throws IOException when {@code python} cannot import torch
   */
  public static TorchPeer forRun(String python, Path workDir) throws IOException {
    if (python == null) {
      return null;
    }
    String reason = unavailableReason(python);
    if (reason != null) {
      throw new IOException(
          "PyTorch peer unavailable (install Debian python3-torch or pass --no-torch): " + reason);
    }
    return new TorchPeer(python, workDir);
  }

  /**
   * The glibc malloc settings both peers run with ({@code GLIBC_TUNABLES}, which the peer
   * inherits), or "default". Reported with every run: on a machine where page faults are expensive,
   * PyTorch eager pays them again for every large temporary under the defaults
   * (docs/benchmarks.md).
   */
  public static String mallocSettings() {
    String tunables = System.getenv("GLIBC_TUNABLES");
    return tunables == null || tunables.isBlank() ? "default" : tunables;
  }

  /** The torch version the peer runs, e.g. "1.13.0a0". */
  public String torchVersion() throws IOException {
    try {
      Process p =
          new ProcessBuilder(python, "-c", "import torch; print(torch.__version__)").start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor();
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * Runs the peer on {@code spec} (serialised with Gson) and returns its stdout objects in order.
   */
  public List<JsonObject> run(Map<String, Object> spec) throws IOException {
    Path script = workDir.resolve(SCRIPT);
    try (InputStream in = TorchPeer.class.getResourceAsStream("/bench/" + SCRIPT)) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    Process process =
        new ProcessBuilder(python, script.toString(), GSON.toJson(spec))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    List<JsonObject> results = new ArrayList<>();
    List<String> other = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("{")) {
          results.add(JsonParser.parseString(line).getAsJsonObject());
        } else {
          other.add(line);
        }
      }
    }
    try {
      if (process.waitFor() != 0) {
        throw new IOException(
            "PyTorch peer failed (exit " + process.exitValue() + "): " + String.join("\n", other));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return results;
  }

  /**
   * Starts the peer on {@code spec} for a conversation: the caller sends one command line at a time
   * and reads the JSON line it answers, so that our work and the peer's can alternate under the
   * same machine load.
   */
  public Session start(Map<String, Object> spec) throws IOException {
    Path script = workDir.resolve(SCRIPT);
    try (InputStream in = TorchPeer.class.getResourceAsStream("/bench/" + SCRIPT)) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    Process process =
        new ProcessBuilder(python, script.toString(), GSON.toJson(spec))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    return new Session(process);
  }

  /** A running peer that answers one JSON line per command line. */
  public static final class Session implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final java.io.Writer in;

    private Session(Process process) {
      this.process = process;
      this.out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** The next JSON line the peer prints (other lines are skipped). */
    public JsonObject next() throws IOException {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("{")) {
          return JsonParser.parseString(line).getAsJsonObject();
        }
      }
      throw new IOException("the PyTorch peer ended early (see its messages above)");
    }

    /** Sends one command line and returns the answer. */
    public JsonObject send(String command) throws IOException {
      in.write(command + "\n");
      in.flush();
      return next();
    }

    @Override
    public void close() throws IOException {
      try {
        in.write("end\n");
        in.close();
      } catch (IOException ignored) {
        // the peer has already gone
      }
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroy();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroy();
      }
    }
  }

  /** The peer's answer for {@code name} ("case" field); fails when it did not answer. */
  public static JsonObject find(List<JsonObject> results, String name) throws IOException {
    return results.stream()
        .filter(o -> name.equals(o.get("case").getAsString()))
        .findFirst()
        .orElseThrow(() -> new IOException("the PyTorch peer printed no result for " + name));
  }

  /** A peer result's timing fields as a {@link Timing}. */
  public static Timing timing(JsonObject o) {
    return new Timing(
        o.get("ms").getAsDouble(), o.get("best_ms").getAsDouble(), o.get("cpu_ms").getAsDouble());
  }

  /** A JSON array of numbers as floats. */
  public static float[] floats(JsonObject o, String field) {
    var array = o.getAsJsonArray(field);
    float[] out = new float[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).getAsFloat();
    }
    return out;
  }
}
