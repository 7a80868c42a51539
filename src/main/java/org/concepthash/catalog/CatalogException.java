package org.concepthash.catalog;

/** A request the catalog cannot carry out; the message is meant for the user. */
public class CatalogException extends RuntimeException {

  /**
   * What kind of failure, so that callers can map it (e.g. to an HTTP status) without parsing text.
   */
  public enum Kind {
    NOT_FOUND,
    INVALID,
    CONFLICT
  }

  private final Kind kind;

  public CatalogException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static CatalogException notFound(String message) {
    return new CatalogException(Kind.NOT_FOUND, message);
  }

  public static CatalogException invalid(String message) {
    return new CatalogException(Kind.INVALID, message);
  }

  public static CatalogException conflict(String message) {
    return new CatalogException(Kind.CONFLICT, message);
  }
}
