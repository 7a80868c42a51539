package org.concepthash.catalog;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * Catalog configuration ({@code concepthash.*} in application.yml), validated at start.
 *
 * @param dataDir the data directory: image store, thumbnails, model packages
 * @param embeddedDatabase whether the database is the embedded one of this data directory
 */
@Context // validated at start-up, not at first use
@ConfigurationProperties("concepthash")
public record CatalogConfig(@NotNull Path dataDir, boolean embeddedDatabase) {

  /** Directory of the content-addressed image store. */
  public Path imageDir() {
    return dataDir.resolve("images");
  }

  public Path thumbnailDir() {
    return dataDir.resolve("thumbnails");
  }
}
