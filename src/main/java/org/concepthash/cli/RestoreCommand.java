package org.concepthash.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.concepthash.catalog.backup.BackupManifest;
import org.concepthash.catalog.backup.CatalogRestore;
import org.concepthash.catalog.database.CatalogDatabase;
import org.concepthash.catalog.database.CatalogLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code restore FILE --data-dir DIR}: rebuilds a catalog from a backup archive. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds a catalog from a `concepthash backup` archive into an empty data directory (and an"
          + " empty",
      "external database with --database-url). The whole archive is checked first: a truncated or"
          + " altered",
      "one is refused and nothing is written."
    })
final class RestoreCommand implements Callable<Integer> {

  @Mixin CatalogOptions catalog;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "Archive written by `concepthash backup`.")
  Path archive;

  @Override
  public Integer call() throws Exception {
    CatalogLocation location = catalog.location();
    BackupManifest m =
        CatalogRestore.restore(
            archive,
            location.dataDir(),
            dataDir -> {
              CatalogDatabase db =
                  CatalogDatabase.open(new CatalogLocation(dataDir, location.database()));
              return new CatalogRestore.OpenedDatabase() {
                @Override
                public CatalogLocation.ExternalDatabase coordinates() {
                  return db.coordinates();
                }

                @Override
                public void close() throws java.io.IOException {
                  db.close();
                }
              };
            });
    System.out.printf(
        "restored %s into %s: schema version %s, %d tables, %d files (snapshot of %s)%n",
        archive,
        location.dataDir(),
        m.schemaVersion(),
        m.tables().size(),
        m.files().size(),
        m.createdAt());
    return 0;
  }
}
