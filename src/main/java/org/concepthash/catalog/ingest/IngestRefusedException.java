package org.concepthash.catalog.ingest;

/** An image was refused by the ingest checks; the message says why, in words for the uploader. */
public final class IngestRefusedException extends Exception {
  public IngestRefusedException(String reason) {
    super(reason);
  }

  public IngestRefusedException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
