package org.concepthash.encode;

/**
 * What the encoder computes for one image. Arrays are owned by the record; callers must not modify
 * them.
 *
 * @param words the binary code in the {@link org.concepthash.code.BinaryCodes} layout (bit j in
 *     word j/64 at position j%64; bit = code &gt; 0)
 * @param subCodes per concept m, its bits [m K/M, (m+1) K/M) as a '0'/'1' string, first bit first
 * @param code the continuous code, K values (batch-norm output)
 * @param attention per concept, its last-layer attention over the patch grid: M rows of P = G x G
 *     values, row-major (row y, column x at y * G + x), head-averaged, not renormalised
 * @param grid G, patches per side of the input crop
 * @param prediction nearest class centre
 */
public record Encoding(
    long[] words,
    String[] subCodes,
    float[] code,
    float[][] attention,
    int grid,
    ClassPrediction prediction) {}
