package org.concepthash.accounts;

import org.concepthash.catalog.ErrorKind;

/** A refused account operation; its {@link ErrorKind} says which HTTP status fits. */
public final class AccountException extends RuntimeException {

  private final ErrorKind kind;

  private AccountException(ErrorKind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public static AccountException notFound(String message) {
    return new AccountException(ErrorKind.NOT_FOUND, message);
  }

  public static AccountException conflict(String message) {
    return new AccountException(ErrorKind.CONFLICT, message);
  }

  public static AccountException invalid(String message) {
    return new AccountException(ErrorKind.INVALID, message);
  }

  public ErrorKind kind() {
    return kind;
  }
}
