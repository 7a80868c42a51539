package org.concepthash.train;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.concepthash.data.LabelledImage;

/**
 * Decodes data set images and applies a deterministic preparation (the shorter-side resize),
 * keeping the results in memory while they fit a byte budget; beyond it images are decoded again
 * when needed. Safe for concurrent use.
 */
final class ImageStore {

  private final UnaryOperator<BufferedImage> prepare;
  private final long budgetBytes;
  private final ConcurrentHashMap<String, BufferedImage> cache = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong cachedBytes =
      new java.util.concurrent.atomic.AtomicLong();

  ImageStore(UnaryOperator<BufferedImage> prepare, long budgetBytes) {
    this.prepare = prepare;
    this.budgetBytes = budgetBytes;
  }

  BufferedImage get(LabelledImage item) {
    BufferedImage cached = cache.get(item.key());
    if (cached != null) {
      return cached;
    }
    BufferedImage prepared = prepare.apply(item.image().decode());
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
}
