package org.concepthash.catalog.importer;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.concepthash.catalog.CatalogConfig;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ImageFilter;
import org.concepthash.data.Datasets;
import org.concepthash.data.parts.PartsWorldConfig;
import org.concepthash.data.parts.PartsWorldWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First run on the embedded demo defaults: an empty catalog is filled with a synthetic parts-world
 * data set (12 bird species in 4 families, 40 images each, with part keypoints), imported through
 * the same validated path as any data set. Runs in the background so the UI is usable at once; done
 * once per data directory (a marker file), so a user who empties the catalog is not refilled.
 */
@Singleton
@Requires(property = "concepthash.demo.enabled", value = "true")
@Requires(property = "concepthash.embedded-database", value = "true")
class DemoCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCatalog.class);
  static final String ACTOR = "demo";

  private final CatalogService catalog;
  private final DatasetImporter importer;
  private final Path demoDir;
  private final PartsWorldConfig world;
  private final ApplicationEventPublisher<DemoCatalogSeeded> seeded;

  DemoCatalog(
      CatalogService catalog,
      DatasetImporter importer,
      CatalogConfig config,
      @Value("${concepthash.demo.image-size:128}") int imageSize,
      ApplicationEventPublisher<DemoCatalogSeeded> seeded) {
    this.seeded = seeded;
    this.catalog = catalog;
    this.importer = importer;
    this.demoDir = config.dataDir().resolve("demo");
    this.world =
        new PartsWorldConfig(12, 40, imageSize, 42, PartsWorldConfig.DEFAULT_TRAIN_FRACTION);
  }

  @EventListener
  void onServerStartup(ServerStartupEvent event) {
    if (Files.exists(demoDir.resolve("seeded"))) {
      // listeners are idempotent (the demo job has a fixed idempotency key): a start that was
      // stopped
      // between seeding and queueing the job still gets it
      seeded.publishEvent(new DemoCatalogSeeded(ACTOR, -1));
      return;
    }
    if (catalog.list(ImageFilter.all(), 0, 1).totalSize() > 0) {
      return;
    }
    Thread seeding = new Thread(this::seed, "demo-catalog");
    seeding.setDaemon(true);
    seeding.start();
  }

  /** Writes the demo data set and imports it; returns what was imported. */
  ImportSummary seed() {
    try {
      Path data = demoDir.resolve("parts-world");
      if (!Files.exists(data.resolve("parts-world.txt"))) {
        LOG.info("First run: generating a demo catalog (synthetic parts world) in {}", data);
        PartsWorldWriter.write(world, data, done -> {});
      }
      ImportSummary summary =
          importer.importDataset(
              Datasets.read(data, Optional.of("parts")),
              data,
              Integer.MAX_VALUE,
              ACTOR,
              done -> {
                if (done % 100 == 0) {
                  LOG.info("Demo catalog: {} images imported", done);
                }
              });
      Files.writeString(demoDir.resolve("seeded"), summary.toString());
      LOG.info("Demo catalog ready: {}", summary);
      // e.g. the demo training job (org.concepthash.jobs), which must not start before the images
      // are in
      seeded.publishEvent(
          new DemoCatalogSeeded(
              ACTOR, summary.imported() + summary.duplicates() + summary.resumed()));
      return summary;
    } catch (Exception e) {
      LOG.error("Could not create the demo catalog", e);
      return null;
    }
  }
}
