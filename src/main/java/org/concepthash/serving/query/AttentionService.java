package org.concepthash.serving.query;

import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concepthash.catalog.CatalogException;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ImageView;
import org.concepthash.catalog.store.ImageStore;
import org.concepthash.encode.Encoding;
import org.concepthash.serving.ServingModel;

/**
 * Attention maps of catalog images, computed on demand with the serving encoder from the stored
 * image. They are not stored in the database (M x P floats per image and version would dwarf the
 * codes); a small LRU cache serves the result cards a user is looking at.
 */
@Singleton
public class AttentionService {

  /** Entries kept; one search page plus the atlas's exemplars fit many times. */
  static final int CACHE_ENTRIES = 512;

  private record Key(String model, long imageId) {}

  private final ServingModel serving;
  private final CatalogService catalog;
  private final QueryImages images;
  private final Map<Key, AttentionMaps> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, AttentionMaps> eldest) {
          return size() > CACHE_ENTRIES;
        }
      };

  AttentionService(ServingModel serving, CatalogService catalog, QueryImages images) {
    this.serving = serving;
    this.catalog = catalog;
    this.images = images;
  }

  /**
   * The maps of one catalog image under the active model.
   *
   * @param model the version the caller expects, or null for whichever is active
   * @throws CatalogException not found (no such image), conflict (no active model, or {@code model}
   *     is not the active one: maps are computed with the serving encoder only)
   */
  public AttentionMaps forImage(long imageId, String model) throws IOException {
    return forImages(List.of(imageId), model).get(imageId);
  }

  /**
   * {@link #forImage} for several images, encoded in one batch; ids without an image are left out.
   */
  public Map<Long, AttentionMaps> forImages(List<Long> imageIds, String model) throws IOException {
    ServingModel.Serving s =
        serving
            .current()
            .orElseThrow(
                () -> CatalogException.conflict("no model is active: train or activate one first"));
    if (model != null && !model.isBlank() && !model.equals(s.id())) {
      throw CatalogException.conflict(
          "attention maps are computed with the active model '"
              + s.id()
              + "', not '"
              + model
              + "'");
    }
    Map<Long, AttentionMaps> out = new HashMap<>();
    List<Long> missing = new ArrayList<>();
    synchronized (cache) {
      for (long id : imageIds) {
        AttentionMaps hit = cache.get(new Key(s.id(), id));
        if (hit != null) {
          out.put(id, hit);
        } else if (!missing.contains(id)) {
          missing.add(id);
        }
      }
    }
    if (missing.isEmpty()) {
      return out;
    }
    Map<Long, ImageView> views = catalog.findAll(missing);
    if (imageIds.size() == 1 && views.isEmpty()) {
      throw CatalogException.notFound("no image with id " + imageIds.get(0));
    }
    List<Long> ids = new ArrayList<>();
    List<BufferedImage> decoded = new ArrayList<>();
    for (long id : missing) {
      ImageView v = views.get(id);
      if (v != null) {
        ids.add(id);
        decoded.add(images.read(ImageStore.keyFor(v.sha256())));
      }
    }
    List<Encoding> encodings = s.encoder().encode(decoded);
    synchronized (cache) {
      for (int i = 0; i < ids.size(); i++) {
        BufferedImage img = decoded.get(i);
        AttentionMaps maps =
            AttentionMaps.of(
                s.id(),
                encodings.get(i),
                s.encoder().preprocessor(),
                img.getWidth(),
                img.getHeight());
        cache.put(new Key(s.id(), ids.get(i)), maps);
        out.put(ids.get(i), maps);
      }
    }
    return out;
  }
}
