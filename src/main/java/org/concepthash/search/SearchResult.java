package org.concepthash.search;

import java.util.List;

/**
 * The answer to one query: hits in ascending (distance, image id) order, all from one model
 * version.
 *
 * @param modelVersion the model version whose codes were searched
 * @param hits at most k hits
 */
public record SearchResult(String modelVersion, List<SearchHit> hits) {

  public SearchResult {
    hits = List.copyOf(hits);
  }
}
