package org.concepthash.serving;

import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.concepthash.catalog.store.ImageStore;
import org.concepthash.encode.Encoder;
import org.concepthash.encode.Encoding;
import org.concepthash.encode.eval.PartConsistency;
import org.concepthash.encode.eval.PartConsistencyReport;
import org.concepthash.model.CropWindow;

/**
 * Measures a model's concept-part consistency on the catalog itself: the test-split images that
 * carry part keypoints (imported CUB, NABirds or parts-world data), with the one {@link
 * PartConsistency} implementation that {@code eval} and the training job's evaluation use.
 * Test-split images are the held-out side of every job trained here, so a job's model is not
 * measured on what it trained on.
 */
@Singleton
class PartMeasurement {

  private final ModelVersionStore store;
  private final ImageStore images;
  private final EncoderConfig config;

  PartMeasurement(ModelVersionStore store, ImageStore images, EncoderConfig config) {
    this.store = store;
    this.images = images;
    this.config = config;
  }

  /**
   * Encodes the annotated test images with {@code encoder} and measures; empty when the catalog has
   * none.
   *
   * @throws CancellationException when {@code cancelled} turned true
   */
  Optional<PartConsistencyReport> measure(Encoder encoder, BooleanSupplier cancelled)
      throws IOException {
    List<ModelVersionStore.AnnotatedImage> annotated;
    try {
      annotated = store.annotatedTestImages();
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("database: " + e.getMessage(), e));
    }
    PartConsistency parts = new PartConsistency(encoder.manifest().network().concepts());
    int batch = config.batch();
    for (int start = 0; start < annotated.size(); start += batch) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("measuring part consistency cancelled");
      }
      List<ModelVersionStore.AnnotatedImage> chunk =
          annotated.subList(start, Math.min(annotated.size(), start + batch));
      List<BufferedImage> decoded = new ArrayList<>(chunk.size());
      for (ModelVersionStore.AnnotatedImage a : chunk) {
        decoded.add(images.readImage(a.storageKey()));
      }
      List<Encoding> encodings = encoder.encode(decoded);
      for (int i = 0; i < chunk.size(); i++) {
        BufferedImage image = decoded.get(i);
        ModelVersionStore.AnnotatedImage a = chunk.get(i);
        parts.add(
            encodings.get(i).attention(),
            encodings.get(i).grid(),
            CropWindow.of(encoder.preprocessor(), image.getWidth(), image.getHeight()),
            a.box(),
            a.keypoints());
      }
    }
    return parts.report();
  }
}
