package org.concepthash.catalog;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.concepthash.catalog.ingest.CanonicalImage;
import org.concepthash.catalog.ingest.ImageValidator;
import org.concepthash.catalog.ingest.IngestRefusedException;
import org.concepthash.catalog.store.ImageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every image takes into the catalog (uploads and data set import): validate and
 * canonicalise, store the file atomically under its content hash, then insert the row. The file is
 * written before the row, so a crash can leave an unreferenced file (reused by the next identical
 * upload) but never a row without its file.
 */
@Singleton
public class ImageIngest {

  private static final Logger LOG = LoggerFactory.getLogger(ImageIngest.class);

  private final ImageValidator validator;
  private final ImageStore store;
  private final ImageRecords records;
  private final CatalogService catalog;
  private final ApplicationEventPublisher<ImageAdded> added;

  ImageIngest(
      ImageValidator validator,
      ImageStore store,
      ImageRecords records,
      CatalogService catalog,
      ApplicationEventPublisher<ImageAdded> added) {
    this.validator = validator;
    this.store = store;
    this.records = records;
    this.catalog = catalog;
    this.added = added;
  }

  /**
   * Adds one image. Identical content (same canonical pixels) returns the existing image,
   * unchanged.
   *
   * @throws IngestRefusedException with a message for the user when the image is not acceptable
   */
  public IngestResult ingest(InputStream content, IngestRequest request)
      throws IngestRefusedException, IOException {
    Optional<ClassView> labelled =
        request.label() == null ? Optional.empty() : catalog.findClass(request.label());
    if (request.label() != null && labelled.isEmpty()) {
      throw new IngestRefusedException("unknown class '" + request.label() + "': create it first");
    }
    CanonicalImage image = validator.validate(content);
    var existing = catalog.findBySha256(image.sha256());
    if (existing.isPresent()) {
      return new IngestResult(existing.get(), true);
    }
    String key = store.put(image.sha256(), image.png());
    ImageView inserted;
    try {
      inserted = records.insert(image, key, request);
    } catch (RuntimeException e) {
      // a concurrent upload of the same content won the unique constraint: that row is the answer
      var winner = catalog.findBySha256(image.sha256());
      if (winner.isPresent()) {
        return new IngestResult(winner.get(), true);
      }
      LOG.warn("ingest of {} failed after storing {}", request.originalName(), key, e);
      throw e;
    }
    added.publishEvent(
        new ImageAdded(
            inserted.id(),
            image.pixels(),
            labelled.map(ClassView::id).orElse(null),
            inserted.family(),
            request.split()));
    return new IngestResult(inserted, false);
  }
}
