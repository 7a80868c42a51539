package org.concepthash.train;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.concepthash.data.LabelledImage;

/**
 * Decodes data set images and applies a deterministic preparation (the shorter-side resize), keeping the
 * results in memory while they fit a byte budget; beyond it images are decoded again when needed.
 * Safe for concurrent use.
 */
final class ImageStore {

  private final UnaryOperator<BufferedImage> prepare;
  private final long budgetBytes;
  private final ConcurrentHashMap<String, BufferedImage> cache = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong cachedBytes = new java.util.concurrent.atomic.AtomicLong();

  ImageStore(UnaryOperator<BufferedImage> prepare, long budgetBytes) {
    this.prepare = prepare;
    this.budgetBytes = budgetBytes;
  }

  BufferedImage get(LabelledImage item) {
    BufferedImage cached = cache.get(item.key());
    if (cached != null) {
      return cached;
    }
    BufferedImage prepared = prepare.apply(decode(item));
    long bytes = 4L * prepared.getWidth() * prepared.getHeight();
    if (cachedBytes.addAndGet(bytes) <= budgetBytes) {
      cache.put(item.key(), prepared);
    } else {
      cachedBytes.addAndGet(-bytes);
    }
    return prepared;
  }

  /** Decodes (and caches) every image of {@code items} in parallel. */
  void warm(List<LabelledImage> items) {
    items.parallelStream().forEach(this::get);
  }

  static BufferedImage decode(LabelledImage item) {
    try (InputStream in = item.image().open()) {
      BufferedImage image = ImageIO.read(in);
      if (image == null) {
        throw new IOException("no image reader understands " + item.image().name());
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image " + item.image().name(), e);
    }
  }
}
