package org.concepthash.catalog.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The checks every image passes before it enters the catalog, in order: size cap while reading,
 * type from the leading bytes, dimensions from the header (before decoding), a decode that treats
 * warnings as damage, EXIF orientation, and re-encoding to the canonical PNG.
 */
public final class ImageValidator {

  private final IngestLimits limits;
  private final ImageDecoder decoder;

  public ImageValidator(IngestLimits limits) {
    this.limits = limits;
    this.decoder = new ImageDecoder(limits);
  }

  /** Reads at most the size cap from the stream (refusing larger files) and validates the bytes. */
  public CanonicalImage validate(InputStream content) throws IngestRefusedException, IOException {
    return validate(readCapped(content));
  }

  public CanonicalImage validate(byte[] encoded) throws IngestRefusedException {
    if (encoded.length > limits.maxBytes()) {
      throw tooLarge();
    }
    ImageType type =
        ImageType.sniff(Arrays.copyOf(encoded, Math.min(encoded.length, ImageType.SNIFF_BYTES)));
    return CanonicalImage.of(decoder.decode(encoded, type));
  }

  private byte[] readCapped(InputStream in) throws IOException, IngestRefusedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      total += n;
      if (total > limits.maxBytes()) {
        throw tooLarge();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private IngestRefusedException tooLarge() {
    return new IngestRefusedException(
        String.format("file is larger than the %.1f MB limit", limits.maxBytes() / 1048576.0));
  }
}
