package org.concepthash.search;

/**
 * How far two codes are on one concept.
 *
 * @param concept the concept's display name, e.g. "wing"
 * @param distance differing bits in the concept's sub-code
 * @param bits the concept's sub-code length
 */
public record ConceptComparison(String concept, int distance, int bits) {

  public boolean same() {
    return distance == 0;
  }

  /** Differs, but in at most a tenth of its bits: close enough to call the concepts alike. */
  public boolean close() {
    return distance > 0 && distance * 10 <= bits;
  }
}
