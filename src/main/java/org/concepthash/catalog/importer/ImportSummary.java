package org.concepthash.catalog.importer;

import java.util.List;

/**
 * What one run of a data set import did.
 *
 * @param imported images new to the catalog
 * @param duplicates images whose content was already in the catalog (left unchanged)
 * @param resumed images an earlier run of the same import had already brought in (skipped quickly)
 * @param refused images the ingest checks refused, with the reason
 */
public record ImportSummary(int imported, int duplicates, int resumed, List<Refusal> refused) {

  public ImportSummary {
    refused = List.copyOf(refused);
  }

  /** One refused image: its key in the data set and why. */
  public record Refusal(String key, String reason) {}
}
