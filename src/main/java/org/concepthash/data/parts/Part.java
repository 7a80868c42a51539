package org.concepthash.data.parts;

import java.util.Locale;

/**
 * The parts of a parts-world bird, in drawing order: a later part covers an earlier one where they
 * overlap. Every image records one keypoint per part, named by {@link #key()}.
 */
public enum Part {
  TAIL,
  BODY,
  WING,
  HEAD,
  BEAK;

  /** The part name used in keypoints and CSV headers ("tail", "body", ...). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
