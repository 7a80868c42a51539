package org.concepthash.catalog;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.concepthash.catalog.ingest.CanonicalImage;
import org.concepthash.data.Keypoint;

/** Writes the row of a newly stored image, its label and keypoints in one transaction. */
@Singleton
class ImageRecords {

  private final EntityManager em;
  private final ImageRepository images;
  private final CatalogService catalog;
  private final Clock clock;

  ImageRecords(EntityManager em, ImageRepository images, CatalogService catalog, Clock clock) {
    this.em = em;
    this.images = images;
    this.catalog = catalog;
    this.clock = clock;
  }

  @Transactional
  ImageView insert(CanonicalImage image, String storageKey, IngestRequest request) {
    ImageEntity e = new ImageEntity();
    e.sha256 = image.sha256();
    e.storageKey = storageKey;
    e.mediaType = "image/png";
    e.byteSize = image.png().length;
    e.width = image.width();
    e.height = image.height();
    e.originalName = org.concepthash.catalog.ingest.OriginalName.sanitise(request.originalName());
    e.source = request.source();
    e.split = request.split().lowerName();
    request
        .box()
        .ifPresent(
            b -> {
              e.bboxX = (float) b.x();
              e.bboxY = (float) b.y();
              e.bboxWidth = (float) b.width();
              e.bboxHeight = (float) b.height();
            });
    e.createdAt = clock.instant();
    images.save(e);
    em.flush();
    for (Keypoint k : request.keypoints()) {
      em.createNativeQuery("insert into image_keypoint (image_id, part, x, y) values (?, ?, ?, ?)")
          .setParameter(1, e.id)
          .setParameter(2, k.part())
          .setParameter(3, (float) k.x())
          .setParameter(4, (float) k.y())
          .executeUpdate();
    }
    if (request.label() != null) {
      return catalog.setLabel(e.id, request.label(), request.actor());
    }
    return CatalogService.view(e, null);
  }
}
