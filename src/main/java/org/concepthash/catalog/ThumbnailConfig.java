package org.concepthash.catalog;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Min;

/**
 * @param size longest side of a gallery thumbnail, pixels ({@code concepthash.thumbnails.size})
 */
@Context // validated at start-up, not at first use
@ConfigurationProperties("concepthash.thumbnails")
public record ThumbnailConfig(@Min(16) int size) {}
