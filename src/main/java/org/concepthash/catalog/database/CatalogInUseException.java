package org.concepthash.catalog.database;

/** Another process holds the embedded database of a data directory. */
public final class CatalogInUseException extends IllegalStateException {
  public CatalogInUseException(String message) {
    super(message);
  }
}
