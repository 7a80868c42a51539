package org.concepthash.serving;

/** Progress of encoding the catalog with a model version. */
@FunctionalInterface
public interface EncodingProgress {

  EncodingProgress NONE = (done, total) -> {};

  /** {@code done} of {@code total} catalog images have a code under the version. */
  void encoded(long done, long total);
}
