package org.concepthash.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A catalog image as the UI and the REST API see it.
 *
 * @param label current class name, or null when unlabelled
 * @param split train, test or unspecified
 */
@Serdeable
public record ImageView(
    long id,
    String sha256,
    int width,
    int height,
    long byteSize,
    String originalName,
    String source,
    String split,
    @Nullable String label,
    @Nullable String labelDisplayName,
    @Nullable String family,
    Instant createdAt) {

  public boolean labelled() {
    return label != null;
  }
}
