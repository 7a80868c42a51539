package org.concepthash.catalog;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of a listing, with the total number of matching items. */
@Serdeable
public record PageOf<T>(List<T> content, long totalSize, int page, int size) {}
