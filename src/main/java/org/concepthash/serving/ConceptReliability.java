package org.concepthash.serving;

import org.concepthash.encode.eval.PartConsistencyReport;

/**
 * How far a concept's explanations and overlays can be trusted, from its measured part consistency.
 * The API writes {@link #label()}.
 */
public enum ConceptReliability {
  /** Measured, and finds its part clearly more often than random points do. */
  RELIABLE("reliable"),
  /**
   * Measured, and its purity is below chance + {@link PartConsistencyReport#RELIABILITY_MARGIN}.
   */
  UNRELIABLE("unreliable"),
  /** The model version has no part measurement. */
  NOT_MEASURED("not measured");

  private final String label;

  ConceptReliability(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Concept {@code m} of a version with measurement {@code parts} (null when not measured). */
  public static ConceptReliability of(PartConsistencyReport parts, int m) {
    if (parts == null || parts.concept(m).isEmpty()) {
      return NOT_MEASURED;
    }
    return parts.unreliable(m) ? UNRELIABLE : RELIABLE;
  }
}
