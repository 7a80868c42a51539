package org.concepthash.catalog;

/**
 * What kind of refusal a service exception reports ({@link CatalogException}, the accounts'
 * exception), so that callers map it (e.g. to an HTTP status) without parsing text. It lives in
 * catalog, the lowest layer with a service, so every service above may share it.
 */
public enum ErrorKind {
  NOT_FOUND,
  INVALID,
  CONFLICT
}
