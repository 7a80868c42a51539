package org.concepthash.serving.query;

import io.micronaut.serde.annotation.Serdeable;
import org.concepthash.model.CropWindow;

/**
 * A rectangle of an original image in fractions of its width and height (0..1), so that a browser
 * can place it over the picture at any display size.
 */
@Serdeable
public record CropBox(double left, double top, double width, double height) {

  /** The network's input crop: where the attention maps lie in the original image. */
  public static CropBox of(CropWindow w) {
    return new CropBox(
        (double) w.left() / w.resizedWidth(),
        (double) w.top() / w.resizedHeight(),
        (double) w.size() / w.resizedWidth(),
        (double) w.size() / w.resizedHeight());
  }

  /**
   * A square of {@code side} crop pixels centred on crop point ({@code cx}, {@code cy}), moved
   * inside the crop, as a box of the original image.
   */
  public static CropBox around(CropWindow w, double cx, double cy, double side) {
    double s = Math.min(side, w.size());
    double x = Math.max(0, Math.min(w.size() - s, cx - s / 2));
    double y = Math.max(0, Math.min(w.size() - s, cy - s / 2));
    return new CropBox(
        (x + w.left()) / w.resizedWidth(),
        (y + w.top()) / w.resizedHeight(),
        s / w.resizedWidth(),
        s / w.resizedHeight());
  }
}
