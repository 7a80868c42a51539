package org.concepthash.jobs;

/**
 * One validation of a job's training run, as its progress keeps it for the mAP chart.
 *
 * @param epoch the epoch it was computed after
 * @param mapAll validation mAP@all
 * @param precisionAt1 validation P@1
 */
public record EpochValidation(int epoch, double mapAll, double precisionAt1) {}
