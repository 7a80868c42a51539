package org.concepthash.catalog;

/** Published after a new image's row is committed, so that the active model can encode it. */
public record ImageAdded(long imageId, String storageKey) {}
