package org.concepthash.onnx;

/**
 * How closely an exported graph reproduces the DJL network on the same inputs.
 *
 * @param images number of images compared
 * @param maxAbsCode largest |code_DJL - code_ORT| over all images and bits
 * @param maxAbsAttention largest difference of the concept attention maps
 * @param confidentBits bits with |code_DJL| &gt; {@link #BIT_MARGIN}: their sign must agree
 * @param flippedBits confident bits whose sign differs between the two
 */
public record ParityReport(
    int images, double maxAbsCode, double maxAbsAttention, int confidentBits, int flippedBits) {

  /** Largest accepted absolute difference of codes and attention maps. */
  public static final double TOLERANCE = 1e-4;

  /** Codes closer to 0 than this may binarise differently under rounding; all others must agree. */
  public static final double BIT_MARGIN = 1e-4;

  /** True when both outputs are within {@link #TOLERANCE} and no confident bit flipped. */
  public boolean passes() {
    return maxAbsCode <= TOLERANCE && maxAbsAttention <= TOLERANCE && flippedBits == 0;
  }

  @Override
  public String toString() {
    return String.format(
        "%d images: max |code diff| %.3g, max |attention diff| %.3g, %d of %d confident bits "
            + "flipped",
        images, maxAbsCode, maxAbsAttention, flippedBits, confidentBits);
  }
}
