package org.concepthash.catalog.importer;

/**
 * Published once the demo catalog has been imported (first run on the embedded defaults), so that a
 * demo training job can start.
 *
 * @param actor who the demo content is recorded for
 * @param images images imported by the seeding, -1 when it happened at an earlier start
 */
public record DemoCatalogSeeded(String actor, int images) {}
