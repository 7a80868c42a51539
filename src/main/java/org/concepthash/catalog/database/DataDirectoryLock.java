package org.concepthash.catalog.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive, process-wide lock on a data directory whose embedded database is in use. The
 * operating system releases it when the process dies, so a crash never leaves the catalog locked.
 */
final class DataDirectoryLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataDirectoryLock acquire(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve("catalog.lock");
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // this very process holds it already (a second catalog opened in the same JVM)
      lock = null;
    }
    if (lock == null) {
      String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
      channel.close();
      throw new CatalogInUseException(
          "The embedded database in "
              + dataDir
              + " is in use by another ConceptHash process"
              + (holder.isEmpty() ? "" : " (" + holder + ")")
              + ". Stop that process first, or let both use an external PostgreSQL (set "
              + CatalogLocation.URL_ENV
              + ").");
    }
    channel.truncate(0);
    channel.write(StandardCharsets.UTF_8.encode("pid " + ProcessHandle.current().pid()), 0);
    return new DataDirectoryLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
