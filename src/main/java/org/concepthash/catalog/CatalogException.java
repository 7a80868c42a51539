package org.concepthash.catalog;

/** A request the catalog cannot carry out; the message is meant for the user. */
public class CatalogException extends RuntimeException {

  private final ErrorKind kind;

  public CatalogException(ErrorKind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ErrorKind kind() {
    return kind;
  }

  public static CatalogException notFound(String message) {
    return new CatalogException(ErrorKind.NOT_FOUND, message);
  }

  public static CatalogException invalid(String message) {
    return new CatalogException(ErrorKind.INVALID, message);
  }

  public static CatalogException conflict(String message) {
    return new CatalogException(ErrorKind.CONFLICT, message);
  }
}
