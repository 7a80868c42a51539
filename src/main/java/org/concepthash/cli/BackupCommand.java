package org.concepthash.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.concepthash.catalog.backup.BackupManifest;
import org.concepthash.catalog.backup.CatalogBackup;
import org.concepthash.catalog.database.CatalogLocation;
import org.concepthash.catalog.database.SideDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code backup --out FILE}: a consistent archive of a catalog, also while it is served. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a consistent backup of a catalog to one file: the database (one snapshot of every"
          + " table:",
      "images, labels, classes, model versions and codes, concept names, users, jobs), the image"
          + " store, the",
      "model packages and the token secret. Works while `serve` runs. Restore with `concepthash"
          + " restore`."
    })
final class BackupCommand implements Callable<Integer> {

  @Mixin CatalogOptions catalog;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Archive to write (a ZIP file).")
  Path out;

  @Override
  public Integer call() throws Exception {
    CatalogLocation location = catalog.location();
    BackupManifest m;
    try (SideDatabase db = SideDatabase.open(location)) {
      m = CatalogBackup.write(db.coordinates(), location.dataDir(), out);
    }
    long rows = m.tables().stream().mapToLong(BackupManifest.Table::rows).sum();
    System.out.printf(
        "%s: schema version %s, %d tables (%d rows), %d files, snapshot of %s%n",
        out, m.schemaVersion(), m.tables().size(), rows, m.files().size(), m.createdAt());
    return 0;
  }
}
