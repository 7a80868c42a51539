package org.concepthash.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Malformed or missing data set input. The message always names the file and, where the problem is
 * on one line, the 1-based line number ({@code images.txt:12: ...}), so a user can fix the source.
 */
public class DatasetFormatException extends IOException {

  private final Path file;
  private final int line;

  /** A problem with one line of {@code file} (line is 1-based). */
  public DatasetFormatException(Path file, int line, String message) {
    super(file + ":" + line + ": " + message);
    this.file = file;
    this.line = line;
  }

  /** A problem with a whole file (missing, unreadable, wrong header...). */
  public DatasetFormatException(Path file, String message) {
    super(file + ": " + message);
    this.file = file;
    this.line = 0;
  }

  public DatasetFormatException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = file;
    this.line = 0;
  }

  public Path file() {
    return file;
  }

  /** The 1-based line number, or 0 when the problem is not tied to one line. */
  public int line() {
    return line;
  }
}
