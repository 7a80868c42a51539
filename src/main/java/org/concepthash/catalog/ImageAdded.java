package org.concepthash.catalog;

import io.micronaut.core.annotation.Nullable;
import java.awt.image.BufferedImage;
import org.concepthash.data.Split;

/**
 * Published after a new image's row is committed, with what ingest knows of it, so that the active
 * model can encode and index it without reading it back.
 *
 * @param pixels the decoded canonical pixels
 * @param classId the labelled class's id, or null when unlabelled
 * @param family the labelled class's family, or null
 */
public record ImageAdded(
    long imageId,
    BufferedImage pixels,
    @Nullable Long classId,
    @Nullable String family,
    Split split) {}
