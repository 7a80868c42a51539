package org.concepthash.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.concepthash.catalog.database.CatalogLocation;
import picocli.CommandLine.Option;

/**
 * The options every command that touches the catalog shares: where the data and the database are.
 */
public final class CatalogOptions {

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Data directory (images, models, embedded database). Default: $CONCEPTHASH_HOME or"
              + " ~/.concepthash")
  Path dataDir;

  @Option(
      names = "--database-url",
      paramLabel = "URL",
      description =
          "External PostgreSQL (jdbc:postgresql://... or postgres://user:pw@host/db). Default:"
              + " $DATABASE_URL, else the embedded database.")
  String databaseUrl;

  public CatalogLocation location() {
    return CatalogLocation.resolve(
        Optional.ofNullable(dataDir), Optional.ofNullable(databaseUrl), System.getenv());
  }
}
