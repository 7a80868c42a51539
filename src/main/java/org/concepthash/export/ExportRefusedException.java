package org.concepthash.export;

import java.io.IOException;

/** An export whose package failed its own checks; no package was written. */
public final class ExportRefusedException extends IOException {

  public ExportRefusedException(String message) {
    super(message);
  }

  public ExportRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
