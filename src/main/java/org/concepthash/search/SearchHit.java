package org.concepthash.search;

import java.util.Arrays;

/**
 * One search result.
 *
 * @param imageId catalog image id
 * @param distance Hamming distance over the concepts the query selected
 * @param conceptDistances Hamming distance on every concept 0..M-1 (selected or not), for
 *     explanations
 */
public record SearchHit(long imageId, int distance, int[] conceptDistances) {

  // Records compare arrays by reference; hits are values.
  @Override
  public boolean equals(Object o) {
    return o instanceof SearchHit h
        && h.imageId == imageId
        && h.distance == distance
        && Arrays.equals(h.conceptDistances, conceptDistances);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(imageId) * 31 + distance;
  }

  @Override
  public String toString() {
    return "SearchHit[imageId="
        + imageId
        + ", distance="
        + distance
        + ", conceptDistances="
        + Arrays.toString(conceptDistances)
        + "]";
  }
}
