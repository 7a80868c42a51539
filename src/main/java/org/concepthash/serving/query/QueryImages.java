package org.concepthash.serving.query;

import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.OptionalLong;
import org.concepthash.catalog.CatalogException;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ImageIngest;
import org.concepthash.catalog.ImageView;
import org.concepthash.catalog.IngestRequest;
import org.concepthash.catalog.ingest.CanonicalImage;
import org.concepthash.catalog.ingest.ImageValidator;
import org.concepthash.catalog.ingest.IngestRefusedException;
import org.concepthash.catalog.store.ImageStore;
import org.concepthash.data.Split;

/**
 * Where query pictures come from: uploads (checked like every ingest, kept in memory only) and the
 * catalog.
 */
@Singleton
public class QueryImages {

  private final ImageValidator validator;
  private final CatalogService catalog;
  private final ImageStore store;
  private final ImageIngest ingest;

  QueryImages(
      ImageValidator validator, CatalogService catalog, ImageStore store, ImageIngest ingest) {
    this.validator = validator;
    this.catalog = catalog;
    this.store = store;
    this.ingest = ingest;
  }

  /**
   * An uploaded picture, validated and canonicalised exactly as an ingest would, but not stored.
   *
   * @throws IngestRefusedException with a message for the user when the file is not an acceptable
   *     image
   */
  public QueryImage upload(String fileName, byte[] content) throws IngestRefusedException {
    CanonicalImage canonical = validator.validate(content);
    return new QueryImage(
        canonical.pixels(),
        OptionalLong.empty(),
        canonical.png(),
        fileName == null || fileName.isBlank() ? "upload" : fileName);
  }

  /**
   * A catalog image.
   *
   * @throws CatalogException (not found) when there is no such image
   */
  public QueryImage catalogImage(long imageId) throws IOException {
    String key =
        catalog
            .storageKey(imageId)
            .orElseThrow(() -> CatalogException.notFound("no image with id " + imageId));
    return new QueryImage(read(key), OptionalLong.of(imageId), null, "image " + imageId);
  }

  /** Decodes a stored catalog image by its storage key. */
  BufferedImage read(String storageKey) throws IOException {
    return store.readImage(storageKey);
  }

  /**
   * Stores an uploaded query picture in the catalog (through the ordinary ingest); returns the
   * image.
   */
  public ImageView addToCatalog(QueryImage query, String actor)
      throws IOException, IngestRefusedException {
    if (!query.uploaded()) {
      return catalog
          .find(query.catalogImageId().getAsLong())
          .orElseThrow(
              () ->
                  CatalogException.notFound(
                      "no image with id " + query.catalogImageId().getAsLong()));
    }
    return ingest
        .ingest(
            new ByteArrayInputStream(query.canonicalPng()),
            IngestRequest.upload(query.name(), null, Split.UNSPECIFIED, actor))
        .image();
  }
}
