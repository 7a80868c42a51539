package org.concepthash.catalog.backup;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.List;

/**
 * {@code backup.json}, the last entry of a backup archive: what the archive must hold, so a restore
 * can check every entry before it writes anything (a truncated or altered archive is refused
 * whole).
 *
 * <pre>
 * format          1
 * createdAt       ISO-8601 instant of the database snapshot
 * schemaVersion   the Flyway version of the catalog schema the tables were copied from
 * tables[]        {name, columns[], rows, entry, size, sha256}: entry is PostgreSQL COPY text format
 * files[]         {path (relative to the data directory), entry, size, sha256}
 * </pre>
 */
public record BackupManifest(
    int format, String createdAt, String schemaVersion, List<Table> tables, List<FileEntry> files) {

  static final int FORMAT = 1;
  static final String ENTRY = "backup.json";
  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  public record Table(
      String name, List<String> columns, long rows, String entry, long size, String sha256) {}

  public record FileEntry(String path, String entry, long size, String sha256) {}

  String toJson() {
    return GSON.toJson(this);
  }

  static BackupManifest parse(String json) {
    BackupManifest m = GSON.fromJson(json, BackupManifest.class);
    if (m == null || m.tables() == null || m.files() == null || m.schemaVersion() == null) {
      throw new IllegalArgumentException("backup.json lacks tables, files or schemaVersion");
    }
    return m;
  }
}
