package org.concepthash.catalog.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.concepthash.catalog.database.CatalogLocation.ExternalDatabase;
import org.concepthash.catalog.store.AtomicFiles;

/**
 * Writes a backup archive (a ZIP file) of a catalog, also while the application runs: the
 * database's tables from one snapshot ({@link CatalogTables}), then the image store, the model
 * packages and the token secret, then {@link BackupManifest} with the size and SHA-256 of every
 * entry. Images and packages are written before their rows and never deleted, so every file a row
 * of the snapshot names is there when the files are copied after it. Thumbnails (made on demand),
 * training run folders and the database files themselves are left out.
 */
public final class CatalogBackup {

  /** What of the data directory a restore needs, relative to it. */
  static final List<String> DATA = List.of("images", "models", "token-secret");

  static final String TABLE_PREFIX = "database/";
  static final String FILE_PREFIX = "files/";

  private CatalogBackup() {}

  /**
   * Writes the archive to {@code out} (through a temporary file and a rename: never half an
   * archive).
   */
  public static BackupManifest write(ExternalDatabase database, Path dataDir, Path out)
      throws IOException {
    Path partial = out.toAbsolutePath().resolveSibling(out.getFileName() + ".partial");
    try {
      BackupManifest manifest;
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
          ZipOutputStream zip = new ZipOutputStream(file)) {
        zip.setLevel(Deflater.BEST_SPEED); // PNGs and packages are compressed already
        Snapshot snapshot = writeTables(database, zip);
        List<BackupManifest.FileEntry> files = writeFiles(dataDir, zip);
        manifest =
            new BackupManifest(
                BackupManifest.FORMAT,
                snapshot.createdAt(),
                snapshot.schemaVersion(),
                snapshot.tables(),
                files);
        zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
        zip.write(manifest.toJson().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return manifest;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
  }

  private record Snapshot(
      String createdAt, String schemaVersion, List<BackupManifest.Table> tables) {}

  private static Snapshot writeTables(ExternalDatabase database, ZipOutputStream zip)
      throws IOException {
    try (Connection c =
        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      String createdAt;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select to_char(now() at time zone 'UTC',"
                      + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")) {
        rs.next(); // the transaction's first query fixes its snapshot
        createdAt = rs.getString(1);
      }
      String version =
          CatalogTables.schemaVersion(c)
              .orElseThrow(
                  () ->
                      new BackupException(
                          "the database holds no catalog (no Flyway history): nothing to back up"));
      List<BackupManifest.Table> tables = new ArrayList<>();
      for (String table : CatalogTables.names(c)) {
        List<String> columns = CatalogTables.columns(c, table);
        String entry = TABLE_PREFIX + table + ".copy";
        zip.putNextEntry(new ZipEntry(entry));
        DigestingOutput out = new DigestingOutput(zip);
        CatalogTables.copyOut(c, table, columns, out);
        zip.closeEntry();
        tables.add(
            new BackupManifest.Table(
                table, columns, out.newlines(), entry, out.size(), out.sha256()));
      }
      c.commit();
      return new Snapshot(createdAt, version, tables);
    } catch (SQLException e) {
      throw new BackupException("cannot read the catalog database: " + e.getMessage(), e);
    }
  }

  private static List<BackupManifest.FileEntry> writeFiles(Path dataDir, ZipOutputStream zip)
      throws IOException {
    List<BackupManifest.FileEntry> files = new ArrayList<>();
    for (String root : DATA) {
      Path start = dataDir.resolve(root);
      if (!Files.exists(start)) {
        continue;
      }
      List<Path> paths;
      try (Stream<Path> walk = Files.walk(start)) {
        // a temporary file is a write in progress (or a crash's leftover): its final file is not
        // there yet
        paths =
            walk.filter(Files::isRegularFile)
                .filter(p -> !p.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX))
                .sorted()
                .toList();
      }
      for (Path p : paths) {
        String relative = dataDir.relativize(p).toString().replace('\\', '/');
        String entry = FILE_PREFIX + relative;
        zip.putNextEntry(new ZipEntry(entry));
        DigestingOutput out = new DigestingOutput(zip);
        Files.copy(p, out);
        zip.closeEntry();
        files.add(new BackupManifest.FileEntry(relative, entry, out.size(), out.sha256()));
      }
    }
    return files;
  }
}
