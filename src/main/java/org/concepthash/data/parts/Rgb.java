package org.concepthash.data.parts;

/** An 8-bit sRGB colour; arithmetic stays in 0..255 and rounds half up. */
public record Rgb(int r, int g, int b) {

  public Rgb {
    if (r < 0 || r > 255 || g < 0 || g > 255 || b < 0 || b > 255) {
      throw new IllegalArgumentException(
          "colour channels must be 0..255: " + r + "," + g + "," + b);
    }
  }

  /** 0xRRGGBB. */
  public int packed() {
    return (r << 16) | (g << 8) | b;
  }

  /** Linear blend: t = 0 gives this colour, t = 1 gives {@code other}. */
  public Rgb mix(Rgb other, double t) {
    return new Rgb(blend(r, other.r, t), blend(g, other.g, t), blend(b, other.b, t));
  }

  /** Multiplies every channel by {@code factor} (clamped), e.g. 0.7 for a darker shade. */
  public Rgb scaled(double factor) {
    return new Rgb(clamp(r * factor), clamp(g * factor), clamp(b * factor));
  }

  private static int blend(int a, int b, double t) {
    return clamp(a + (b - a) * t);
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.floor(v + 0.5)));
  }
}
