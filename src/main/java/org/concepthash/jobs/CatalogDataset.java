package org.concepthash.jobs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.concepthash.catalog.store.ImageStore;
import org.concepthash.data.ClassInfo;
import org.concepthash.data.Dataset;
import org.concepthash.data.ImageSource;
import org.concepthash.data.LabelledImage;
import org.concepthash.data.Split;

/**
 * A job's data snapshot as a {@link Dataset} for the trainer: classes in name order, images in id
 * order, bytes read from the content-addressed image store. Catalog split {@code test} is the query
 * side of the held-out evaluation; {@code train} and {@code unspecified} images are training data.
 */
final class CatalogDataset {

  static final String FORMAT = "catalog";

  private CatalogDataset() {}

  static Dataset of(List<SnapshotImage> snapshot, ImageStore store) {
    Map<String, ClassInfo> byName = new TreeMap<>();
    for (SnapshotImage s : snapshot) {
      byName.putIfAbsent(
          s.className(),
          new ClassInfo(
              s.className(), s.displayName(), s.family() == null ? s.displayName() : s.family()));
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    List<ClassInfo> classes = new ArrayList<>(byName.values());
    for (int i = 0; i < classes.size(); i++) {
      index.put(classes.get(i).name(), i);
    }
    List<LabelledImage> items = new ArrayList<>(snapshot.size());
    for (SnapshotImage s : snapshot) {
      items.add(
          new LabelledImage(
              s.storageKey(),
              new StoredImage(s.imageId(), s.storageKey(), store),
              index.get(s.className()),
              "test".equals(s.split()) ? Split.TEST : Split.TRAIN,
              s.box(),
              s.keypoints()));
    }
    return new Dataset(FORMAT, classes, items);
  }

  /** A catalog image's canonical PNG. */
  private record StoredImage(long imageId, String key, ImageStore store) implements ImageSource {
    @Override
    public String name() {
      return "image " + imageId;
    }

    @Override
    public InputStream open() throws IOException {
      return new ByteArrayInputStream(store.read(key));
    }
  }
}
