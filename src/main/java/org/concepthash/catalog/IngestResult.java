package org.concepthash.catalog;

/** The stored image; {@code duplicate} when identical content was already in the catalog. */
public record IngestResult(ImageView image, boolean duplicate) {}
