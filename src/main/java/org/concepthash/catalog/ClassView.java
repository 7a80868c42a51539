package org.concepthash.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A class with the number of images currently labelled with it. */
@Serdeable
public record ClassView(
    long id, String name, String displayName, @Nullable String family, long imageCount) {}
