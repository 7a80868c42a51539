package org.concepthash.model;

/**
 * Where the network's input crop lies in an original image: the preprocessor scales the image to
 * (resizedWidth x resizedHeight) and takes the central S x S square. Maps original pixel
 * coordinates (continuous: pixel (i, j) covers [i, i+1) x [j, j+1)) into crop coordinates and back.
 */
public record CropWindow(int width, int height, int resizedWidth, int resizedHeight, int size) {

  /** The window {@code preprocessor} uses for a {@code width} x {@code height} image. */
  public static CropWindow of(ImagePreprocessor preprocessor, int width, int height) {
    // the arithmetic of ImagePreprocessor.resize and centreCrop; CropWindowTest holds the two
    // together
    int r = preprocessor.resizeShorterSide();
    double scale = (double) r / Math.min(width, height);
    int w = width <= height ? r : (int) Math.round(width * scale);
    int h = height < width ? r : (int) Math.round(height * scale);
    return new CropWindow(width, height, w, h, preprocessor.cropSize());
  }

  public int left() {
    return (resizedWidth - size) / 2;
  }

  public int top() {
    return (resizedHeight - size) / 2;
  }

  /** Crop x of original x. */
  public double x(double original) {
    return original * resizedWidth / width - left();
  }

  /** Crop y of original y. */
  public double y(double original) {
    return original * resizedHeight / height - top();
  }

  /** Original x of crop x (the inverse of {@link #x}). */
  public double originalX(double crop) {
    return (crop + left()) * width / resizedWidth;
  }

  /** Original y of crop y (the inverse of {@link #y}). */
  public double originalY(double crop) {
    return (crop + top()) * height / resizedHeight;
  }
}
