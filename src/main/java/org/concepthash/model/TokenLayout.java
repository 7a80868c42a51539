package org.concepthash.model;

import ai.djl.ndarray.index.NDIndex;

/**
 * Where each kind of token sits in the sequence: [CLS, P patch tokens, M concept tokens]. Every
 * slice of the token axis goes through this object, so appending tokens never silently shifts an
 * index.
 *
 * @param patches number of patch tokens P
 * @param concepts number of concept tokens M
 */
public record TokenLayout(int patches, int concepts) {

  public TokenLayout {
    VitGeometry.positive("patches", patches);
    VitGeometry.positive("concepts", concepts);
  }

  /** Index of the CLS token. */
  public int cls() {
    return 0;
  }

  /** First patch token. */
  public int patchStart() {
    return 1;
  }

  /** First concept token. */
  public int conceptStart() {
    return patchStart() + patches;
  }

  /** Total tokens T = 1 + P + M. */
  public int total() {
    return conceptStart() + concepts;
  }

  /** Tokens that carry position embeddings (CLS and patches); concept tokens get none. */
  public int positioned() {
    return conceptStart();
  }

  /**
   * Index selecting the concept tokens on axis {@code axis} of an array whose earlier axes are
   * kept.
   */
  public NDIndex conceptSlice(int axis) {
    return slice(axis, conceptStart(), total());
  }

  /** Index selecting the patch tokens on axis {@code axis}. */
  public NDIndex patchSlice(int axis) {
    return slice(axis, patchStart(), conceptStart());
  }

  private static NDIndex slice(int axis, int from, int to) {
    NDIndex index = new NDIndex();
    for (int i = 0; i < axis; i++) {
      index.addAllDim();
    }
    return index.addSliceDim(from, to);
  }
}
