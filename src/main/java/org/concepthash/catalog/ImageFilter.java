package org.concepthash.catalog;

import io.micronaut.core.annotation.Nullable;
import org.concepthash.data.Split;

/**
 * Which images to list; null fields do not filter.
 *
 * @param label current class name
 * @param family family of the current class
 * @param labelled true: only labelled images, false: only unlabelled ones
 */
public record ImageFilter(
    @Nullable String label,
    @Nullable String family,
    @Nullable Boolean labelled,
    @Nullable Split split) {

  public static ImageFilter all() {
    return new ImageFilter(null, null, null, null);
  }
}
