package org.concepthash.catalog;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.concepthash.catalog.store.AtomicFiles;
import org.concepthash.catalog.store.ImageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** At start-up, removes the temporary files a killed process may have left in the stores. */
@Singleton
class CatalogStartup {

  private static final Logger LOG = LoggerFactory.getLogger(CatalogStartup.class);

  private final ImageStore images;
  private final CatalogConfig config;

  CatalogStartup(ImageStore images, CatalogConfig config) {
    this.images = images;
    this.config = config;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    try {
      int removed = images.sweepTemporaryFiles() + AtomicFiles.sweep(config.thumbnailDir(), 2);
      if (removed > 0) {
        LOG.info("Removed {} temporary file(s) left by an interrupted write", removed);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean the data directory " + config.dataDir(), e);
    }
  }
}
