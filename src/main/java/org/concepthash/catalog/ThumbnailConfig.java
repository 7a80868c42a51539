package org.concepthash.catalog;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;

/** @param size longest side of a gallery thumbnail, pixels ({@code concepthash.thumbnails.size}) */
@ConfigurationProperties("concepthash.thumbnails")
public record ThumbnailConfig(@Min(16) int size) {}
