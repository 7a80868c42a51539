package org.concepthash.model;

/**
 * Geometry of the pre-LN Vision Transformer image tower.
 *
 * @param imageSize input side in pixels (square, S)
 * @param patchSize patch side in pixels; {@code imageSize} must be a multiple of it
 * @param width token width D
 * @param layers number of encoder layers
 * @param heads attention heads H; {@code width} must be a multiple of it
 * @param mlpWidth hidden width of each layer's MLP
 */
public record VitGeometry(
    int imageSize, int patchSize, int width, int layers, int heads, int mlpWidth) {

  public VitGeometry {
    positive("imageSize", imageSize);
    positive("patchSize", patchSize);
    positive("width", width);
    positive("layers", layers);
    positive("heads", heads);
    positive("mlpWidth", mlpWidth);
    if (imageSize % patchSize != 0) {
      throw new IllegalArgumentException(
          "geometry.imageSize ("
              + imageSize
              + ") must be a multiple of geometry.patchSize ("
              + patchSize
              + ")");
    }
    if (width % heads != 0) {
      throw new IllegalArgumentException(
          "geometry.width (" + width + ") must be a multiple of geometry.heads (" + heads + ")");
    }
  }

  /**
   * CLIP ViT-B/32: 224 px, patch 32 (7x7 = 49 patches), width 768, 12 layers, 12 heads, MLP 3072.
   */
  public static VitGeometry vitB32() {
    return new VitGeometry(224, 32, 768, 12, 12, 3072);
  }

  /**
   * A CPU-sized tower for tests and demos: 64 px, patch 8 (8x8 = 64 patches), width 128, 4 layers.
   */
  public static VitGeometry tiny() {
    return new VitGeometry(64, 8, 128, 4, 4, 512);
  }

  /** Looks a preset up by name ("vitB32", "tiny"). */
  public static VitGeometry preset(String name) {
    return switch (name) {
      case "vitB32" -> vitB32();
      case "tiny" -> tiny();
      default ->
          throw new IllegalArgumentException(
              "unknown geometry preset '" + name + "' (known: vitB32, tiny)");
    };
  }

  /** Patches along one side of the image. */
  public int patchesPerSide() {
    return imageSize / patchSize;
  }

  /** Number of patch tokens P. */
  public int patchCount() {
    return patchesPerSide() * patchesPerSide();
  }

  /** Width of one attention head. */
  public int headWidth() {
    return width / heads;
  }

  static void positive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be positive, was " + value);
    }
  }
}
