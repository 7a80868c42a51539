package org.concepthash.data.parts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The drawing of one species in object units: facing +x, y down, body centre at the origin, roughly
 * 1.7 units long. Head and wing have (nearly) equal area so swapping their colours keeps the colour
 * histogram; see {@link WorldDesign}.
 *
 * @param layers bottom to top
 * @param anchors per part, a point inside the visible area of that part, where its keypoint is
 *     sought
 */
record Bird(List<Layer> layers, Map<Part, double[]> anchors) {

  static final double HEAD_RADIUS = 0.17;
  // 0.24 * 0.12 = 0.17^2 (to 0.3%): same area as the head
  static final double WING_RX = 0.24;
  static final double WING_RY = 0.12;

  static Bird of(Species species) {
    Family family = species.family();
    double rx = family.body().rx;
    double ry = family.body().ry;
    Rgb bodyColour = family.colour().rgb();
    List<Layer> layers = new ArrayList<>();
    Map<Part, double[]> anchors = new EnumMap<>(Part.class);

    layers.add(new Layer(Part.TAIL, tail(family.tail(), rx), Paint.solid(bodyColour.scaled(0.75))));
    anchors.put(Part.TAIL, new double[] {-rx - 0.15, 0});

    layers.add(
        new Layer(
            Part.BODY, new Ellipse(0, 0, rx, ry, 0), bodyPaint(family.pattern(), bodyColour, ry)));
    anchors.put(Part.BODY, new double[] {0.05, ry * 0.72});

    layers.add(
        new Layer(
            Part.WING,
            new Ellipse(-0.05, -0.03, WING_RX, WING_RY, -0.12),
            Paint.solid(species.wing().rgb())));
    anchors.put(Part.WING, new double[] {-0.05, -0.03});

    double hx = rx * 0.82;
    double hy = -ry * 0.95;
    layers.add(
        new Layer(
            Part.HEAD, Ellipse.circle(hx, hy, HEAD_RADIUS), Paint.solid(species.head().rgb())));
    PartColour eye = species.head() == PartColour.BLACK ? PartColour.WHITE : PartColour.BLACK;
    layers.add(
        new Layer(Part.HEAD, Ellipse.circle(hx + 0.06, hy - 0.04, 0.04), Paint.solid(eye.rgb())));
    anchors.put(Part.HEAD, new double[] {hx, hy});

    double length = family.longBeak() ? 0.30 : 0.20;
    double baseX = hx + 0.12;
    double baseY = hy + 0.02;
    layers.add(
        new Layer(
            Part.BEAK,
            new Polygon(baseX, baseY - 0.07, baseX + length, baseY + 0.02, baseX, baseY + 0.07),
            Paint.solid(species.beak().rgb())));
    // half way along the beak: outside the head, inside the triangle
    anchors.put(Part.BEAK, new double[] {baseX + length * 0.5, baseY + 0.01});
    return new Bird(List.copyOf(layers), anchors);
  }

  private static Shape tail(Family.TailShape shape, double rx) {
    double base = -rx * 0.8;
    double end = -rx;
    return switch (shape) {
      case FAN -> new Polygon(base, -0.05, end - 0.30, -0.17, end - 0.30, 0.17, base, 0.05);
      case POINTED -> new Polygon(base, -0.08, end - 0.38, 0.0, base, 0.08);
      case FORKED ->
          new Polygon(
              base, -0.06, end - 0.34, -0.16, end - 0.22, 0.0, end - 0.34, 0.16, base, 0.06);
      case SQUARE -> new Polygon(base, -0.09, end - 0.27, -0.09, end - 0.27, 0.09, base, 0.09);
    };
  }

  private static Paint bodyPaint(Family.BodyPattern pattern, Rgb colour, double ry) {
    int plain = colour.packed();
    return switch (pattern) {
      case SOLID -> Paint.solid(colour);
      case BARRED -> {
        int dark = colour.scaled(0.7).packed();
        yield (x, y) -> ((int) Math.floor((x + 10) / 0.09)) % 2 == 0 ? plain : dark;
      }
      case PALE_BELLY -> {
        int pale = colour.mix(PartColour.WHITE.rgb(), 0.55).packed();
        yield (x, y) -> y > ry * 0.3 ? pale : plain;
      }
    };
  }
}
