package org.concepthash.catalog.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.concepthash.catalog.database.CatalogLocation.ExternalDatabase;
import org.concepthash.catalog.store.AtomicFiles;
import org.flywaydb.core.Flyway;

/**
 * Rebuilds a catalog from a {@link CatalogBackup} archive into an empty data directory and an empty
 * database. The whole archive is checked first (every entry present with the recorded size and
 * SHA-256), so a truncated or altered archive restores nothing; then the files are written, the
 * schema is migrated to the archive's version and the rows are copied back in one transaction.
 */
public final class CatalogRestore {

  static final String MIGRATIONS = "classpath:db/migrations";

  private CatalogRestore() {}

  /** Reads and checks the whole archive; writes nothing. */
  public static BackupManifest verify(Path archive) throws BackupException {
    try (ZipFile zip = open(archive)) {
      BackupManifest manifest = manifest(zip, archive);
      for (BackupManifest.Table t : manifest.tables()) {
        check(zip, archive, t.entry(), t.size(), t.sha256());
      }
      for (BackupManifest.FileEntry f : manifest.files()) {
        checkPath(archive, f.path());
        check(zip, archive, f.entry(), f.size(), f.sha256());
      }
      return manifest;
    } catch (BackupException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw damaged(archive, e.getMessage(), e);
    }
  }

  /**
   * Restores {@code archive} into {@code dataDir} (absent or empty) and {@code database} (empty: no
   * catalog rows). On any failure the files written are removed and the database transaction is
   * rolled back.
   */
  public static BackupManifest restore(Path archive, Path dataDir, DatabaseOpener database)
      throws IOException {
    BackupManifest manifest = verify(archive);
    requireEmpty(dataDir);
    Files.createDirectories(dataDir);
    try (ZipFile zip = open(archive)) {
      writeFiles(zip, manifest, dataDir);
      try (OpenedDatabase db = database.open(dataDir)) {
        restoreTables(zip, manifest, db.coordinates());
      }
      return manifest;
    } catch (IOException | RuntimeException e) {
      deleteContents(dataDir);
      throw e;
    }
  }

  /**
   * Opens the target database once the data directory exists (the embedded one lives inside it).
   */
  @FunctionalInterface
  public interface DatabaseOpener {
    OpenedDatabase open(Path dataDir) throws IOException;
  }

  /** A database to restore into, closed (stopped) after the restore. */
  public interface OpenedDatabase extends AutoCloseable {
    ExternalDatabase coordinates();

    @Override
    void close() throws IOException;
  }

  private static void restoreTables(ZipFile zip, BackupManifest manifest, ExternalDatabase database)
      throws IOException {
    Flyway.configure()
        .dataSource(database.jdbcUrl(), database.user(), database.password())
        .locations(MIGRATIONS)
        .target(manifest.schemaVersion())
        .load()
        .migrate();
    try (Connection c =
        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
      Optional<String> version = CatalogTables.schemaVersion(c);
      if (!version.equals(Optional.of(manifest.schemaVersion()))) {
        throw new BackupException(
            "the archive's schema is version "
                + manifest.schemaVersion()
                + " but this ConceptHash migrates to "
                + version.orElse("nothing")
                + ": restore it with the version that wrote it");
      }
      c.setAutoCommit(false);
      Map<String, BackupManifest.Table> byName =
          manifest.tables().stream()
              .collect(Collectors.toMap(BackupManifest.Table::name, Function.identity()));
      List<String> present = CatalogTables.names(c);
      for (String name : byName.keySet()) {
        if (!present.contains(name)) {
          throw new BackupException(
              "the archive holds table "
                  + name
                  + ", which schema version "
                  + manifest.schemaVersion()
                  + " lacks");
        }
      }
      Optional<String> occupied = CatalogTables.firstNonEmpty(c, present);
      if (occupied.isPresent()) {
        throw new BackupException(
            "the target database already holds a catalog (table "
                + occupied.get()
                + " has rows): restore into an empty database");
      }
      for (String table : CatalogTables.dependencyOrder(c, List.copyOf(byName.keySet()))) {
        BackupManifest.Table t = byName.get(table);
        long rows;
        try (InputStream in = zip.getInputStream(zip.getEntry(t.entry()))) {
          rows = CatalogTables.copyIn(c, table, t.columns(), in);
        }
        if (rows != t.rows()) {
          throw new BackupException(
              "table " + table + ": " + rows + " rows restored, " + t.rows() + " recorded");
        }
      }
      CatalogTables.resetSequences(c, List.copyOf(byName.keySet()));
      c.commit();
    } catch (SQLException e) {
      throw new BackupException("cannot restore the database: " + e.getMessage(), e);
    }
  }

  private static void writeFiles(ZipFile zip, BackupManifest manifest, Path dataDir)
      throws IOException {
    for (BackupManifest.FileEntry f : manifest.files()) {
      Path target = dataDir.resolve(f.path());
      Files.createDirectories(target.getParent());
      try (InputStream in = zip.getInputStream(zip.getEntry(f.entry()))) {
        AtomicFiles.write(target, in);
      }
    }
  }

  private static ZipFile open(Path archive) throws BackupException {
    try {
      return new ZipFile(archive.toFile());
    } catch (ZipException e) {
      throw damaged(archive, "not a complete ZIP archive (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new BackupException("cannot read " + archive + ": " + e.getMessage(), e);
    }
  }

  private static BackupManifest manifest(ZipFile zip, Path archive) throws IOException {
    ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
    if (entry == null) {
      throw damaged(archive, "no " + BackupManifest.ENTRY, null);
    }
    BackupManifest m;
    try (InputStream in = zip.getInputStream(entry)) {
      m = BackupManifest.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw damaged(archive, "unreadable " + BackupManifest.ENTRY + ": " + e.getMessage(), e);
    }
    if (m.format() != BackupManifest.FORMAT) {
      throw new BackupException(
          archive
              + " is a backup of format "
              + m.format()
              + "; this ConceptHash reads "
              + BackupManifest.FORMAT);
    }
    return m;
  }

  private static void check(ZipFile zip, Path archive, String name, long size, String sha256)
      throws IOException {
    ZipEntry entry = name == null ? null : zip.getEntry(name);
    if (entry == null) {
      throw damaged(archive, "entry " + name + " is missing", null);
    }
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long read = 0;
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
        read += n;
      }
    }
    if (read != size || !HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
      throw damaged(
          archive,
          "entry " + name + " differs from what was recorded (" + read + " of " + size + " bytes)",
          null);
    }
  }

  /** A file entry must land inside the data directory, under one of the parts a backup copies. */
  private static void checkPath(Path archive, String path) throws BackupException {
    Path p = Path.of(path).normalize();
    if (p.isAbsolute()
        || p.startsWith("..")
        || !CatalogBackup.DATA.contains(p.getName(0).toString())
        || !p.toString().equals(path)) {
      throw damaged(
          archive, "file entry " + path + " lies outside the parts of a data directory", null);
    }
  }

  private static void requireEmpty(Path dataDir) throws IOException {
    if (Files.isDirectory(dataDir)) {
      try (Stream<Path> entries = Files.list(dataDir)) {
        if (entries.findAny().isPresent()) {
          throw new BackupException(
              dataDir + " is not empty: restore into a new, empty data directory");
        }
      }
    } else if (Files.exists(dataDir)) {
      throw new BackupException(dataDir + " is not a directory");
    }
  }

  private static void deleteContents(Path dataDir) throws IOException {
    try (Stream<Path> walk = Files.walk(dataDir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!p.equals(dataDir)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static BackupException damaged(Path archive, String detail, Throwable cause) {
    return new BackupException(
        archive
            + " is incomplete or damaged ("
            + detail
            + "); nothing was restored. Was the backup interrupted, or the file cut short when it"
            + " was copied?",
        cause);
  }
}
