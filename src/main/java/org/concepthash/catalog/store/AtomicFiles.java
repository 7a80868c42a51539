package org.concepthash.catalog.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that readers see either nothing or the complete content, never a partial file.
 */
public final class AtomicFiles {

  /** Suffix of the temporary files; anything with it is debris of a crash. */
  public static final String TEMP_SUFFIX = ".tmp";

  private AtomicFiles() {}

  /** Writes to a temporary file in the target's directory, forces it to disk, then renames it. */
  public static void write(Path target, byte[] content) throws IOException {
    write(
        target,
        ch -> {
          ByteBuffer buffer = ByteBuffer.wrap(content);
          while (buffer.hasRemaining()) {
            ch.write(buffer);
          }
        });
  }

  /**
   * {@link #write(Path, byte[])} from a stream, for content too large to hold in memory (model
   * packages).
   */
  public static void write(Path target, InputStream content) throws IOException {
    write(target, ch -> content.transferTo(Channels.newOutputStream(ch)));
  }

  private interface Content {
    void writeTo(FileChannel channel) throws IOException;
  }

  private static void write(Path target, Content content) throws IOException {
    Files.createDirectories(target.getParent());
    Path temp =
        Files.createTempFile(target.getParent(), target.getFileName().toString(), TEMP_SUFFIX);
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        content.writeTo(ch);
        ch.force(true);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Deletes temporary files left under a directory by a process that died mid-write. */
  public static int sweep(Path dir, int depth) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int removed = 0;
    try (var walk = Files.walk(dir, depth)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (p.getFileName().toString().endsWith(TEMP_SUFFIX) && Files.deleteIfExists(p)) {
          removed++;
        }
      }
    }
    return removed;
  }
}
