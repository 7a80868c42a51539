package org.concepthash.catalog;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.concepthash.catalog.ingest.ImageValidator;
import org.concepthash.catalog.ingest.IngestLimits;
import org.concepthash.catalog.store.ImageStore;

/** Wires the framework-free catalog parts into the application context. */
@Factory
class CatalogBeans {

  @Singleton
  Clock clock() {
    // PostgreSQL keeps microseconds: a coarser clock makes returned and re-read times equal
    return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1000));
  }

  @Singleton
  ImageStore imageStore(CatalogConfig config) {
    return new ImageStore(config.imageDir());
  }

  @Singleton
  ImageValidator imageValidator(IngestLimits limits) {
    return new ImageValidator(limits);
  }
}
