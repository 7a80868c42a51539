package org.concepthash.catalog.store;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Content-addressed file store for canonical images, outside any web root: the file of content with
 * SHA-256 {@code abcd...} lives at {@code ab/cd/abcd....png}. Files appear atomically (written to a
 * temporary file in the same directory, flushed to disk, then renamed: {@link AtomicFiles}), so a
 * crash leaves at most a temporary file, which {@link #sweepTemporaryFiles()} removes at the next
 * start.
 */
public final class ImageStore {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Path root;

  public ImageStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The storage key of content with this hash (a relative path, stored in the database). */
  public static String keyFor(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
    }
    return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256 + ".png";
  }

  /** Resolves a storage key; refuses anything that is not a key this store made. */
  public Path path(String key) {
    if (!key.matches("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}\\.png")) {
      throw new IllegalArgumentException("not a storage key: " + key);
    }
    return root.resolve(key);
  }

  /** Stores content under its hash unless it is already there; returns the key. */
  public String put(String sha256, byte[] content) throws IOException {
    String key = keyFor(sha256);
    Path target = path(key);
    if (Files.isRegularFile(target) && Files.size(target) == content.length) {
      return key;
    }
    AtomicFiles.write(target, content);
    return key;
  }

  public boolean contains(String key) {
    return Files.isRegularFile(path(key));
  }

  public byte[] read(String key) throws IOException {
    return Files.readAllBytes(path(key));
  }

  /** Decodes a stored image (canonical PNG, upright) for encoding or display. */
  public BufferedImage readImage(String key) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(read(key)));
    if (image == null) {
      throw new IOException("stored image " + key + " cannot be decoded");
    }
    return image;
  }

  /** Removes temporary files left by a process that died while writing; returns how many. */
  public int sweepTemporaryFiles() throws IOException {
    return AtomicFiles.sweep(root, 3);
  }

  public Path root() {
    return root;
  }

  /** Lists the storage keys present on disk (for consistency checks). */
  public List<String> keys() throws IOException {
    List<String> keys = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return keys;
    }
    try (var walk = Files.walk(root, 3)) {
      walk.filter(p -> p.getFileName().toString().endsWith(".png"))
          .forEach(p -> keys.add(root.relativize(p).toString().replace('\\', '/')));
    }
    return keys;
  }
}
