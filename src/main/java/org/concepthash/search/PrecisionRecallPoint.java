package org.concepthash.search;

/**
 * One point of a Hamming-radius precision-recall curve: what a query retrieves when it takes every
 * database item within {@code radius} bits.
 *
 * @param radius Hamming radius r, 0..K
 * @param precision mean over queries that retrieve at least one item of (relevant retrieved /
 *     retrieved)
 * @param recall mean over queries that have at least one relevant item of (relevant retrieved /
 *     relevant)
 */
public record PrecisionRecallPoint(int radius, double precision, double recall) {}
