package org.concepthash.serving;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.concepthash.catalog.CatalogConfig;
import org.concepthash.catalog.store.AtomicFiles;

/**
 * The registered model package files, under {@code <data-dir>/models/<sha256>.zip}.
 * Content-addressed like the image store, so registering the same package twice stores it once and
 * a half-written file never carries a valid name.
 */
@Singleton
public class PackageArchive {

  private final Path root;

  PackageArchive(CatalogConfig config) {
    this.root = config.dataDir().resolve("models");
  }

  /** Stores a package's bytes (once per content); returns its storage key. */
  String put(byte[] packageBytes, String sha256) throws IOException {
    String key = sha256 + ".zip";
    Path target = root.resolve(key);
    if (!Files.exists(target)) {
      AtomicFiles.write(target, packageBytes);
    }
    return key;
  }

  /** The stored package. */
  public Path path(String key) {
    return root.resolve(key);
  }
}
