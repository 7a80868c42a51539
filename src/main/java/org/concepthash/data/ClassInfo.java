package org.concepthash.data;

/**
 * One class of a data set: its stable name (as in the source files), the cleaned display name used for
 * prompts ("black footed albatross") and its family ("albatross") for family-level retrieval.
 */
public record ClassInfo(String name, String displayName, String family) {}
