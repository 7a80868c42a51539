package org.concepthash.accounts;

/** A refused account operation; {@link Kind} says which HTTP status fits. */
public final class AccountException extends RuntimeException {

  public enum Kind {
    NOT_FOUND,
    CONFLICT,
    INVALID
  }

  private final Kind kind;

  private AccountException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public static AccountException notFound(String message) {
    return new AccountException(Kind.NOT_FOUND, message);
  }

  public static AccountException conflict(String message) {
    return new AccountException(Kind.CONFLICT, message);
  }

  public static AccountException invalid(String message) {
    return new AccountException(Kind.INVALID, message);
  }

  public Kind kind() {
    return kind;
  }
}
