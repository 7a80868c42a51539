package org.concepthash.data.parts;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.concepthash.data.BoundingBox;
import org.concepthash.data.Keypoint;

/**
 * Renders parts-world images. Image (class c, index i) depends only on (seed, c, i), so images can
 * be generated in any order or in parallel and a seed always gives the same pixels.
 *
 * <p>Per image the generator varies: mirror (facing left or right), rotation (+-18 degrees), scale
 * (0.36-0.46 x size pixels per object unit, the bird is about 1.7 units long), position (anywhere
 * the whole bird fits), a muted two-tone background with 2-5 clutter shapes behind the bird,
 * brightness (+-8 %) and Gaussian pixel noise (sigma 4 of 255). The variation is moderate on
 * purpose: a small model must find the parts but 20-30 training images per class are enough to
 * learn them.
 */
public final class PartsWorldGenerator {

  private static final long IMAGE_STREAM = 0x1A6E_5EEDL;
  private static final double MAX_ANGLE_DEGREES = 18;
  private static final double MIN_UNIT = 0.36;
  private static final double MAX_UNIT = 0.46;
  private static final double NOISE_SIGMA = 4.0;

  private final PartsWorldConfig config;
  private final List<Species> species;
  private final List<Bird> birds;

  public PartsWorldGenerator(PartsWorldConfig config) {
    this.config = config;
    this.species = WorldDesign.create(config.classes(), config.seed());
    this.birds = species.stream().map(Bird::of).toList();
  }

  public PartsWorldConfig config() {
    return config;
  }

  /** The classes, in class-index order. */
  public List<Species> species() {
    return species;
  }

  /** Renders image {@code imageIndex} (0-based) of class {@code classIndex}. */
  public GeneratedImage generate(int classIndex, int imageIndex) {
    SplittableRandom random =
        new SplittableRandom(Seeds.mix(config.seed(), IMAGE_STREAM, classIndex, imageIndex));
    int size = config.size();
    Bird bird = birds.get(classIndex);

    boolean mirrored = random.nextBoolean();
    double angle = Math.toRadians(uniform(random, -MAX_ANGLE_DEGREES, MAX_ANGLE_DEGREES));
    double unit = size * uniform(random, MIN_UNIT, MAX_UNIT);
    Pose pose = place(bird, Pose.at(unit, angle, mirrored), size, random);

    float hue = (float) random.nextDouble();
    float saturation = (float) uniform(random, 0.10, 0.30);
    Rgb top = hsb(hue, saturation, uniform(random, 0.70, 0.92));
    Rgb bottom =
        hsb(hue + (float) uniform(random, -0.08, 0.08), saturation, uniform(random, 0.45, 0.70));
    Paint background = (x, y) -> top.mix(bottom, y / size).packed();
    List<Layer> clutter = clutter(size, top, random);

    Raster raster = Rasterizer.render(new Scene(size, background, clutter, pose, bird));
    BufferedImage image = finish(raster, uniform(random, 0.92, 1.08), random);
    List<Keypoint> keypoints = new ArrayList<>();
    for (Part part : Part.values()) {
      double[] anchor = pose.toImage(bird.anchors().get(part)[0], bird.anchors().get(part)[1]);
      int pixel = nearestPixelShowing(raster, part, anchor);
      keypoints.add(new Keypoint(part.key(), pixel % size + 0.5, pixel / size + 0.5));
    }
    return new GeneratedImage(
        species.get(classIndex), image, raster.partMap(), keypoints, box(raster));
  }

  /** Moves the posed bird to a random position where all of it is inside the image (3 % margin). */
  private static Pose place(Bird bird, Pose pose, int size, SplittableRandom random) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (Layer layer : bird.layers()) {
      for (double[] p : layer.shape().outline()) {
        double[] q = pose.toImage(p[0], p[1]);
        minX = Math.min(minX, q[0]);
        maxX = Math.max(maxX, q[0]);
        minY = Math.min(minY, q[1]);
        maxY = Math.max(maxY, q[1]);
      }
    }
    double margin = size * 0.03;
    double slackX = Math.max(0, size - 2 * margin - (maxX - minX));
    double slackY = Math.max(0, size - 2 * margin - (maxY - minY));
    double cx = margin - minX + uniform(random, 0, slackX);
    double cy = margin - minY + uniform(random, 0, slackY);
    return pose.movedTo(cx, cy);
  }

  /** Blobs (berries, leaves) in muted part colours and thin dark twigs, all behind the bird. */
  private static List<Layer> clutter(int size, Rgb backgroundColour, SplittableRandom random) {
    int count = 2 + random.nextInt(4);
    List<Layer> layers = new ArrayList<>(count);
    PartColour[] colours = PartColour.values();
    for (int i = 0; i < count; i++) {
      double x = uniform(random, 0, size);
      double y = uniform(random, 0, size);
      double angle = uniform(random, 0, Math.PI);
      if (random.nextInt(3) < 2) {
        Rgb colour = colours[random.nextInt(colours.length)].rgb().mix(backgroundColour, 0.45);
        Shape blob =
            new Ellipse(
                x,
                y,
                size * uniform(random, 0.02, 0.06),
                size * uniform(random, 0.02, 0.06),
                angle);
        layers.add(new Layer(null, blob, Paint.solid(colour)));
      } else {
        double length = size * uniform(random, 0.15, 0.35);
        double width = size * uniform(random, 0.012, 0.02);
        double dx = StrictMath.cos(angle);
        double dy = StrictMath.sin(angle);
        Shape twig =
            new Polygon(
                x - dy * width,
                y + dx * width,
                x + dx * length - dy * width,
                y + dy * length + dx * width,
                x + dx * length + dy * width,
                y + dy * length - dx * width,
                x + dy * width,
                y - dx * width);
        Rgb colour = PartColour.BROWN.rgb().mix(backgroundColour, uniform(random, 0.1, 0.4));
        layers.add(new Layer(null, twig, Paint.solid(colour)));
      }
    }
    return layers;
  }

  /** Brightness, noise and 8-bit quantisation. */
  private static BufferedImage finish(Raster raster, double brightness, SplittableRandom random) {
    int size = raster.size();
    int[] rgb = new int[size * size];
    for (int i = 0; i < rgb.length; i++) {
      int r = quantise(raster.red()[i] * brightness + NOISE_SIGMA * gaussian(random));
      int g = quantise(raster.green()[i] * brightness + NOISE_SIGMA * gaussian(random));
      int b = quantise(raster.blue()[i] * brightness + NOISE_SIGMA * gaussian(random));
      rgb[i] = (r << 16) | (g << 8) | b;
    }
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, size, size, rgb, 0, size);
    return image;
  }

  /**
   * The pixel nearest to {@code anchor} (image coordinates) that mostly shows {@code part}; if the
   * part wins no pixel (only possible at tiny sizes), the pixel it covers most.
   */
  private static int nearestPixelShowing(Raster raster, Part part, double[] anchor) {
    int size = raster.size();
    byte label = (byte) (part.ordinal() + 1);
    int best = -1;
    double bestDistance = Double.MAX_VALUE;
    int mostCovered = 0;
    for (int pixel = 0; pixel < size * size; pixel++) {
      if (raster.partMap()[pixel] == label) {
        double dx = pixel % size + 0.5 - anchor[0];
        double dy = pixel / size + 0.5 - anchor[1];
        double distance = dx * dx + dy * dy;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = pixel;
        }
      }
      if (raster.coverage(part, pixel) > raster.coverage(part, mostCovered)) {
        mostCovered = pixel;
      }
    }
    return best >= 0 ? best : mostCovered;
  }

  private static BoundingBox box(Raster raster) {
    int size = raster.size();
    int minX = size;
    int minY = size;
    int maxX = -1;
    int maxY = -1;
    for (int pixel = 0; pixel < size * size; pixel++) {
      if (raster.birdCoverage(pixel) > 0) {
        minX = Math.min(minX, pixel % size);
        maxX = Math.max(maxX, pixel % size);
        minY = Math.min(minY, pixel / size);
        maxY = Math.max(maxY, pixel / size);
      }
    }
    return new BoundingBox(minX, minY, maxX + 1 - minX, maxY + 1 - minY);
  }

  private static Rgb hsb(float hue, float saturation, double brightness) {
    int packed = Color.HSBtoRGB(hue, saturation, (float) brightness);
    return new Rgb((packed >> 16) & 0xFF, (packed >> 8) & 0xFF, packed & 0xFF);
  }

  private static double uniform(SplittableRandom random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  /** Box-Muller with StrictMath, so the noise is the same on every JVM. */
  private static double gaussian(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }

  private static int quantise(double value) {
    return (int) Math.max(0, Math.min(255, Math.floor(value + 0.5)));
  }
}
