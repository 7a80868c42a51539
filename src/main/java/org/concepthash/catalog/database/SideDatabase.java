package org.concepthash.catalog.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The database of a catalog for a tool that runs beside the application (backup): the external
 * database; or, for the embedded one, the server the running application started (found by its pid
 * file, which names its port), or a server started here when no application runs.
 */
public final class SideDatabase implements AutoCloseable {

  private final CatalogLocation.ExternalDatabase coordinates;
  private final CatalogDatabase startedHere;

  private SideDatabase(CatalogLocation.ExternalDatabase coordinates, CatalogDatabase startedHere) {
    this.coordinates = coordinates;
    this.startedHere = startedHere;
  }

  public static SideDatabase open(CatalogLocation location) throws IOException {
    if (location.database().isPresent()) {
      return new SideDatabase(location.database().get(), null);
    }
    Path dbDir = location.dataDir().resolve("db");
    if (!Files.isDirectory(dbDir)) {
      throw new IOException(
          "no catalog in " + location.dataDir() + " (no embedded database there)");
    }
    try {
      CatalogDatabase db = CatalogDatabase.open(location);
      return new SideDatabase(db.coordinates(), db);
    } catch (CatalogInUseException running) {
      int port = runningPort(dbDir).orElseThrow(() -> running);
      return new SideDatabase(
          new CatalogLocation.ExternalDatabase(
              "jdbc:postgresql://localhost:" + port + "/" + CatalogDatabase.EMBEDDED_DATABASE,
              "postgres",
              ""),
          null);
    }
  }

  /** The port of the live server on {@code dbDir}: line 4 of postmaster.pid. */
  private static Optional<Integer> runningPort(Path dbDir) throws IOException {
    Path pidFile = dbDir.resolve(LeftoverPostmaster.PID_FILE);
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    try {
      long pid = Long.parseLong(lines.get(0).trim());
      if (lines.size() < 4 || !LeftoverPostmaster.servesDirectory(pid, dbDir)) {
        return Optional.empty();
      }
      return Optional.of(Integer.parseInt(lines.get(3).trim()));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  public CatalogLocation.ExternalDatabase coordinates() {
    return coordinates;
  }

  @Override
  public void close() throws IOException {
    if (startedHere != null) {
      startedHere.close();
    }
  }
}
