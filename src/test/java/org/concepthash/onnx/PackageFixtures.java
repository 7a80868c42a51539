package org.concepthash.onnx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The committed version-1 package (see {@code PackageFixtureGenerator}) and ways to damage copies
 * of it.
 */
public final class PackageFixtures {

  private PackageFixtures() {}

  /** The micro package: 32 px, patch 8 (4 x 4 grid), K = 8, M = 2 ("head", "tail"), 3 classes. */
  public static Path microV1() {
    try {
      return Path.of(PackageFixtures.class.getResource("/packages/micro-v1.zip").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The entries of a zip file in order. */
  public static Map<String, byte[]> entries(Path zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        try (InputStream in = z.getInputStream(entry)) {
          out.put(entry.getName(), in.readAllBytes());
        }
      }
    }
    return out;
  }

  /** Writes {@code entries} as a zip file. */
  public static Path write(Path file, Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    Files.write(file, bytes.toByteArray());
    return file;
  }

  /** A copy of the fixture whose model.json text went through {@code edit}. */
  public static Path withManifest(Path file, UnaryOperator<String> edit) throws IOException {
    Map<String, byte[]> entries = entries(microV1());
    String json =
        new String(
            entries.get(ModelPackage.MANIFEST_ENTRY), java.nio.charset.StandardCharsets.UTF_8);
    String edited = edit.apply(json);
    if (edited.equals(json)) {
      throw new IllegalArgumentException("the edit changed nothing");
    }
    entries.put(
        ModelPackage.MANIFEST_ENTRY, edited.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return write(file, entries);
  }
}
