package org.concepthash.catalog.backup;

import java.io.IOException;

/** A backup that cannot be written, or an archive that cannot be restored; the message says why. */
public final class BackupException extends IOException {
  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
