package org.concepthash.catalog.importer;

import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.concepthash.catalog.CatalogConfig;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ImageIngest;
import org.concepthash.catalog.IngestRequest;
import org.concepthash.catalog.IngestResult;
import org.concepthash.catalog.NewClass;
import org.concepthash.catalog.ingest.IngestLimits;
import org.concepthash.catalog.ingest.IngestRefusedException;
import org.concepthash.data.ClassInfo;
import org.concepthash.data.Dataset;
import org.concepthash.data.LabelledImage;

/**
 * Puts a data set read by {@code org.concepthash.data} into the catalog through the same validated
 * ingest as uploads ({@link ImageIngest}): classes (with display names and families) are created
 * first, then every image is ingested with its label, split, box and keypoints.
 *
 * <p>Idempotent: identical content is recognised by the ingest, so a second run adds nothing.
 * Resumable: an {@link ImportJournal} lets a re-run skip what an interrupted run already finished
 * without decoding it again. An image the ingest refuses (unreadable, too large, ...) is reported
 * and the import goes on; the annotation files themselves were already validated completely by the
 * reader.
 */
@Singleton
public class DatasetImporter {

  private final ImageIngest ingest;
  private final CatalogService catalog;
  private final CatalogConfig config;
  private final IngestLimits limits;

  DatasetImporter(
      ImageIngest ingest, CatalogService catalog, CatalogConfig config, IngestLimits limits) {
    this.ingest = ingest;
    this.catalog = catalog;
    this.config = config;
    this.limits = limits;
  }

  /**
   * Imports the first {@code limit} items of {@code dataset} (all when {@code limit} is larger).
   *
   * @param root where the data set was read from: identifies the import for resuming
   * @param progress called with the number of items handled so far
   */
  public ImportSummary importDataset(
      Dataset dataset, Path root, int limit, String actor, IntConsumer progress)
      throws IOException {
    for (ClassInfo c : dataset.classes()) {
      catalog.ensureClass(new NewClass(c.name(), c.displayName(), c.family()), actor);
    }
    List<LabelledImage> items = dataset.items().subList(0, Math.min(limit, dataset.items().size()));
    String source = "import:" + dataset.format();
    int imported = 0;
    int duplicates = 0;
    int resumed = 0;
    List<ImportSummary.Refusal> refused = new ArrayList<>();
    try (ImportJournal journal =
        ImportJournal.open(config.dataDir().resolve("imports"), dataset.format(), root)) {
      for (int i = 0; i < items.size(); i++) {
        LabelledImage item = items.get(i);
        if (journal.recorded(item.key()).flatMap(catalog::findBySha256).isPresent()) {
          resumed++;
        } else {
          IngestRequest request =
              new IngestRequest(
                  item.key(),
                  source,
                  item.split(),
                  dataset.classes().get(item.classIndex()).name(),
                  item.box(),
                  item.keypoints(),
                  actor);
          try {
            // read failures refuse this image; failures of the catalog itself (store, database)
            // abort
            byte[] bytes = read(item);
            IngestResult result = ingest.ingest(new ByteArrayInputStream(bytes), request);
            journal.record(item.key(), result.image().sha256());
            if (result.duplicate()) {
              duplicates++;
            } else {
              imported++;
            }
          } catch (IngestRefusedException e) {
            refused.add(new ImportSummary.Refusal(item.key(), e.getMessage()));
          }
        }
        progress.accept(i + 1);
      }
    }
    return new ImportSummary(imported, duplicates, resumed, refused);
  }

  /** The encoded image, at most one byte over the ingest size cap (the ingest then refuses it). */
  private byte[] read(LabelledImage item) throws IngestRefusedException {
    try (InputStream in = item.image().open()) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
    } catch (IOException e) {
      throw new IngestRefusedException(
          "cannot read " + item.image().name() + ": " + e.getMessage(), e);
    }
  }
}
