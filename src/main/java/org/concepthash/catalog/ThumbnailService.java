package org.concepthash.catalog;

import jakarta.inject.Singleton;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.concepthash.catalog.store.AtomicFiles;
import org.concepthash.catalog.store.ImageStore;

/**
 * Gallery thumbnails (JPEG, longest side {@code concepthash.thumbnails.size}), generated on first
 * request and cached on disk under the image's content hash.
 */
@Singleton
public class ThumbnailService {

  private final CatalogService catalog;
  private final ImageStore store;
  private final Path cacheDir;
  private final int size;

  ThumbnailService(
      CatalogService catalog, ImageStore store, CatalogConfig config, ThumbnailConfig thumbs) {
    this.catalog = catalog;
    this.store = store;
    this.cacheDir = config.thumbnailDir();
    this.size = thumbs.size();
  }

  /** The thumbnail of an image, or empty when there is no such image. */
  public Optional<byte[]> thumbnail(long imageId) throws IOException {
    Optional<ImageView> image = catalog.find(imageId);
    if (image.isEmpty()) {
      return Optional.empty();
    }
    String sha = image.get().sha256();
    Path cached = cacheDir.resolve(sha.substring(0, 2)).resolve(sha + "-" + size + ".jpg");
    if (Files.isRegularFile(cached)) {
      return Optional.of(Files.readAllBytes(cached));
    }
    byte[] jpeg = render(store.read(ImageStore.keyFor(sha)));
    AtomicFiles.write(cached, jpeg);
    return Optional.of(jpeg);
  }

  /** The stored canonical PNG of an image. */
  public Optional<byte[]> original(long imageId) throws IOException {
    Optional<String> key = catalog.storageKey(imageId);
    return key.isEmpty() ? Optional.empty() : Optional.of(store.read(key.get()));
  }

  private byte[] render(byte[] png) throws IOException {
    BufferedImage src = ImageIO.read(new ByteArrayInputStream(png));
    double scale = Math.min(1.0, size / (double) Math.max(src.getWidth(), src.getHeight()));
    int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(out, "jpeg", bytes);
    return bytes.toByteArray();
  }
}
