package org.concepthash.onnx;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A model package: one zip file with exactly two entries,
 *
 * <pre>
 * model.json   {@link ModelManifest} (UTF-8 JSON, deflated)
 * model.onnx   the {@link ConceptHashGraph} (ONNX protobuf, stored uncompressed: float weights do not compress)
 * </pre>
 *
 * <p>Reading is strict: another entry, a missing one, unknown or missing manifest fields, a newer
 * format version, inconsistent geometry, or graph bytes whose SHA-256 differs from the manifest's
 * are refused with a {@link ModelPackageException} that says which. The graph is kept in memory
 * (ONNX Runtime loads it from bytes), so a package is limited to 2 GB.
 *
 * @param onnx the serialised ONNX model; shared, not copied
 */
public record ModelPackage(ModelManifest manifest, byte[] onnx) {

  public static final String MANIFEST_ENTRY = "model.json";
  public static final String GRAPH_ENTRY = "model.onnx";
  static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  /** Writes the package through a temporary file and a rename: readers never see half a package. */
  public void write(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(MANIFEST_ENTRY));
      zip.write((GSON.toJson(manifest) + "\n").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      ZipEntry graph = new ZipEntry(GRAPH_ENTRY);
      graph.setMethod(ZipEntry.STORED);
      graph.setSize(onnx.length);
      graph.setCompressedSize(onnx.length);
      CRC32 crc = new CRC32();
      crc.update(onnx);
      graph.setCrc(crc.getValue());
      zip.putNextEntry(graph);
      zip.write(onnx);
      zip.closeEntry();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(
        partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Reads and checks a package.
   *
   * @throws ModelPackageException when the file is not a usable package; the message names the
   *     problem
   */
  public static ModelPackage read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new ModelPackageException(file, "no such model package");
    }
    byte[] json;
    byte[] onnx;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Set<String> names = new TreeSet<>();
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        names.add(e.nextElement().getName());
      }
      Set<String> expected = new TreeSet<>(List.of(MANIFEST_ENTRY, GRAPH_ENTRY));
      if (!names.equals(expected)) {
        throw new ModelPackageException(
            file, "a model package holds exactly " + expected + ", this one " + names);
      }
      json = entry(zip, MANIFEST_ENTRY, file);
      onnx = entry(zip, GRAPH_ENTRY, file);
    } catch (ZipException e) {
      throw new ModelPackageException(
          file, "not a model package (damaged or not a zip file: " + e.getMessage() + ")", e);
    }
    ModelManifest manifest = parseManifest(new String(json, StandardCharsets.UTF_8), file);
    String digest = sha256(onnx);
    if (!digest.equals(manifest.graph().sha256()) || onnx.length != manifest.graph().bytes()) {
      throw new ModelPackageException(
          file,
          GRAPH_ENTRY
              + " is corrupted: "
              + onnx.length
              + " bytes with SHA-256 "
              + digest
              + ", the manifest recorded "
              + manifest.graph().bytes()
              + " bytes with "
              + manifest.graph().sha256());
    }
    return new ModelPackage(manifest, onnx);
  }

  private static byte[] entry(ZipFile zip, String name, Path file) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry.getSize() > Integer.MAX_VALUE - 8) {
      throw new ModelPackageException(file, name + " is larger than 2 GB");
    }
    try (InputStream in = zip.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  static ModelManifest parseManifest(String text, Path file) throws ModelPackageException {
    JsonObject object;
    try {
      JsonElement element = JsonParser.parseString(text);
      if (!element.isJsonObject()) {
        throw new ModelPackageException(file, MANIFEST_ENTRY + " is not a JSON object");
      }
      object = element.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new ModelPackageException(
          file, MANIFEST_ENTRY + " is not valid JSON: " + e.getMessage(), e);
    }
    // the format and version first: a newer package deserves that message, not a list of odd fields
    if (!object.has("format") || !ModelManifest.FORMAT.equals(string(object, "format"))) {
      throw new ModelPackageException(
          file,
          MANIFEST_ENTRY
              + " is not a ConceptHash model manifest (format "
              + (object.has("format") ? "'" + string(object, "format") + "'" : "missing")
              + ")");
    }
    int version =
        object.has("version")
                && object.get("version").isJsonPrimitive()
                && object.get("version").getAsJsonPrimitive().isNumber()
            ? object.get("version").getAsInt()
            : -1;
    if (version > ModelManifest.VERSION) {
      throw new ModelPackageException(
          file,
          "package format version "
              + version
              + " is newer than this build "
              + "reads ("
              + ModelManifest.VERSION
              + "); update ConceptHash Catalog or re-export the model");
    }
    if (version != ModelManifest.VERSION) {
      throw new ModelPackageException(
          file,
          "package format version "
              + object.get("version")
              + " is not supported (this build reads version "
              + ModelManifest.VERSION
              + ")");
    }
    Set<String> keys = new TreeSet<>(object.keySet());
    Set<String> expected = new TreeSet<>(ModelManifest.keys());
    if (!keys.equals(expected)) {
      Set<String> unknown = new TreeSet<>(keys);
      unknown.removeAll(expected);
      Set<String> missing = new TreeSet<>(expected);
      missing.removeAll(keys);
      throw new ModelPackageException(
          file,
          MANIFEST_ENTRY
              + " does not match version "
              + version
              + (unknown.isEmpty() ? "" : "; unknown fields " + unknown)
              + (missing.isEmpty() ? "" : "; missing fields " + missing));
    }
    ModelManifest manifest;
    try {
      manifest = GSON.fromJson(object, ModelManifest.class);
    } catch (JsonParseException | IllegalArgumentException e) {
      throw new ModelPackageException(
          file, MANIFEST_ENTRY + " has a malformed field: " + e.getMessage(), e);
    }
    List<String> problems = manifest.problems();
    if (!problems.isEmpty()) {
      throw new ModelPackageException(
          file, MANIFEST_ENTRY + " is invalid: " + String.join("; ", problems));
    }
    return manifest;
  }

  private static String string(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e.isJsonPrimitive() ? e.getAsString() : e.toString();
  }

  /** Hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
