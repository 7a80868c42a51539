package org.concepthash.catalog.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Min;

/**
 * Limits applied to every image before it is decoded ({@code concepthash.ingest.*}).
 *
 * @param maxBytes largest accepted encoded file, bytes
 * @param maxPixels largest accepted width x height, pixels
 * @param maxSide longest accepted side, pixels
 */
@Context // validated at start-up, not at first use
@ConfigurationProperties("concepthash.ingest")
public record IngestLimits(@Min(1) long maxBytes, @Min(1) long maxPixels, @Min(1) int maxSide) {}
