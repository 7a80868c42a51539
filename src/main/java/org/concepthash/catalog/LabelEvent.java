package org.concepthash.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** One entry of an image's label history; a null label means the label was removed. */
@Serdeable
public record LabelEvent(@Nullable String label, String by, Instant at, boolean current) {}
