package org.concepthash.jobs;

/** One labelled image of a job's data snapshot, with its class as it was at enqueue time. */
record SnapshotImage(long imageId, String storageKey, String split, String className, String displayName,
    String family) {}
