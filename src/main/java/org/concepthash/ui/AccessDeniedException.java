package org.concepthash.ui;

/** A UI action or view the current user's role does not allow; refused on the server. */
public class AccessDeniedException extends RuntimeException {
  public AccessDeniedException(String message) {
    super(message);
  }
}
