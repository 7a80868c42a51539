package org.concepthash.reproduce;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.concepthash.encode.Encoding;
import org.concepthash.model.CropWindow;

/**
 * The Fig. 7 picture: one row per image, one column per concept, each cell the network's input crop
 * with that concept's attention map over it in red (each map scaled to its own maximum, so a flat
 * map shows as an even tint and a peaked one as a spot).
 */
final class OverlayFigure {

  private static final int SCALE = 2;
  private static final int GAP = 2;

  private OverlayFigure() {}

  /** Writes {@code file} (PNG) from images and their encodings; {@code windows} place the crops. */
  static void write(
      List<BufferedImage> images, List<Encoding> encodings, List<CropWindow> windows, Path file)
      throws IOException {
    int m = encodings.get(0).attention().length;
    int side = windows.get(0).size() * SCALE;
    BufferedImage figure =
        new BufferedImage(
            m * (side + GAP) - GAP, images.size() * (side + GAP) - GAP, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = figure.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, figure.getWidth(), figure.getHeight());
    g.dispose();
    for (int row = 0; row < images.size(); row++) {
      for (int concept = 0; concept < m; concept++) {
        drawCell(
            figure,
            concept * (side + GAP),
            row * (side + GAP),
            images.get(row),
            windows.get(row),
            encodings.get(row),
            concept);
      }
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(figure, "png", file.toFile());
  }

  private static void drawCell(
      BufferedImage figure,
      int x0,
      int y0,
      BufferedImage image,
      CropWindow window,
      Encoding encoding,
      int concept) {
    float[] map = encoding.attention()[concept];
    int grid = encoding.grid();
    float max = 0;
    for (float v : map) {
      max = Math.max(max, v);
    }
    int s = window.size();
    for (int y = 0; y < s * SCALE; y++) {
      for (int x = 0; x < s * SCALE; x++) {
        double cx = (x + 0.5) / SCALE;
        double cy = (y + 0.5) / SCALE;
        int ox = clamp((int) window.originalX(cx), image.getWidth());
        int oy = clamp((int) window.originalY(cy), image.getHeight());
        int rgb = image.getRGB(ox, oy);
        int cell = clamp((int) (cy * grid / s), grid) * grid + clamp((int) (cx * grid / s), grid);
        double a = max > 0 ? 0.7 * map[cell] / max : 0;
        int r = (int) ((1 - a) * ((rgb >> 16) & 0xff) + a * 255);
        int gr = (int) ((1 - a) * ((rgb >> 8) & 0xff));
        int b = (int) ((1 - a) * (rgb & 0xff));
        figure.setRGB(x0 + x, y0 + y, (r << 16) | (gr << 8) | b);
      }
    }
  }

  private static int clamp(int v, int n) {
    return Math.max(0, Math.min(n - 1, v));
  }
}
