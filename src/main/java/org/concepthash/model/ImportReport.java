package org.concepthash.model;

import java.util.List;

/**
 * What a pretrained-weight import did.
 *
 * @param source the file read
 * @param loaded our parameter names that received file values (now frozen)
 * @param unusedKeys file keys deliberately not used
 * @param leftAtInitialisation our parameters that kept their initial values (trained from scratch)
 */
public record ImportReport(
    String source,
    List<String> loaded,
    List<String> unusedKeys,
    List<String> leftAtInitialisation) {

  public ImportReport {
    loaded = List.copyOf(loaded);
    unusedKeys = List.copyOf(unusedKeys);
    leftAtInitialisation = List.copyOf(leftAtInitialisation);
  }
}
