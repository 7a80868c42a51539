package org.concepthash.serving.query;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The picture a search starts from: a catalog image, or an upload that passed the ingest checks but
 * is not stored (it joins the catalog only through {@link QueryImages#addToCatalog}).
 *
 * @param image decoded, upright pixels
 * @param catalogImageId the catalog image, empty for an upload
 * @param canonicalPng the upload's canonical PNG (null for a catalog image)
 * @param name file name for display
 */
public record QueryImage(
    BufferedImage image, OptionalLong catalogImageId, byte[] canonicalPng, String name) {

  public QueryImage {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(catalogImageId, "catalogImageId");
  }

  public boolean uploaded() {
    return catalogImageId.isEmpty();
  }
}
