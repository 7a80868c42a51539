package org.concepthash.search;

/**
 * A code encoded by one model version was offered to an index serving another: the image must be
 * re-encoded by the live model (a version swap happened in between).
 */
public final class ModelVersionMismatchException extends IllegalStateException {

  public ModelVersionMismatchException(String offered, String live) {
    super(
        "code from model version '" + offered + "' offered to the index of version '" + live + "'");
  }
}
