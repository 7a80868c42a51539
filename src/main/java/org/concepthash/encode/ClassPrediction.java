package org.concepthash.encode;

/**
 * The class whose binary centre sign(o_c) is nearest to an image's binary code in Hamming distance.
 *
 * @param classIndex label index into the package's class list; ties go to the lower index
 * @param distance Hamming distance to that centre, 0..K
 * @param margin distance to the nearest OTHER centre minus {@code distance}: 0 is a tie, larger is
 *     surer; K when the model has a single class
 */
public record ClassPrediction(int classIndex, int distance, int margin) {}
