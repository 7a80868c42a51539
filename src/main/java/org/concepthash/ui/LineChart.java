package org.concepthash.ui;

import com.vaadin.flow.component.html.Div;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small line chart drawn as inline SVG on the server: no chart library (Vaadin Charts is
 * commercial), works offline, and a test can read the series from the markup. Each series is a
 * polyline with a {@code data-series} attribute; the legend names them.
 */
class LineChart extends Div {

  /** One point of a series. */
  record Point(double x, double y) {}

  private static final String[] COLOURS = {
    "#1676f3", "#e8590c", "#2f9e44", "#ae3ec9", "#f08c00", "#0c8599"
  };
  private static final int WIDTH = 480;
  private static final int HEIGHT = 200;
  private static final int LEFT = 48;
  private static final int BOTTOM = 24;
  private static final int TOP = 22;
  private static final int RIGHT = 8;

  private final String title;
  private final String xLabel;
  private final Map<String, List<Point>> series = new LinkedHashMap<>();

  LineChart(String title, String xLabel) {
    this.title = title;
    this.xLabel = xLabel;
    addClassName("ch-chart");
    getStyle().set("width", WIDTH + "px").set("max-width", "100%");
    render();
  }

  /** Replaces every series and redraws. */
  void show(Map<String, List<Point>> next) {
    series.clear();
    series.putAll(next);
    render();
  }

  Map<String, List<Point>> series() {
    return Map.copyOf(series);
  }

  private void render() {
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (List<Point> points : series.values()) {
      for (Point p : points) {
        if (Double.isFinite(p.x()) && Double.isFinite(p.y())) {
          minX = Math.min(minX, p.x());
          maxX = Math.max(maxX, p.x());
          minY = Math.min(minY, p.y());
          maxY = Math.max(maxY, p.y());
        }
      }
    }
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d' width='100%%'"
                + " role='img' aria-label='%s' style='font: 11px sans-serif'>",
            WIDTH,
            HEIGHT,
            escape(title)));
    svg.append(
        String.format(
            Locale.ROOT, "<text x='%d' y='14' font-weight='bold'>%s</text>", LEFT, escape(title)));
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#ccc'/>",
            LEFT,
            TOP,
            plotW,
            plotH));
    if (minX > maxX) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%d' y='%d' fill='#888'>no data yet</text>",
              LEFT + 8,
              TOP + plotH / 2));
    } else {
      if (maxX == minX) {
        maxX = minX + 1;
      }
      if (maxY == minY) {
        maxY = minY + (minY == 0 ? 1 : Math.abs(minY) * 0.1);
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%d' y='%d' text-anchor='end'>%s</text>",
              LEFT - 4,
              TOP + 8,
              number(maxY)));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%d' y='%d' text-anchor='end'>%s</text>",
              LEFT - 4,
              TOP + plotH,
              number(minY)));
      svg.append(
          String.format(
              Locale.ROOT, "<text x='%d' y='%d'>%s</text>", LEFT, HEIGHT - 8, number(minX)));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x='%d' y='%d' text-anchor='end'>%s %s</text>",
              WIDTH - RIGHT,
              HEIGHT - 8,
              escape(xLabel),
              number(maxX)));
      int colour = 0;
      int legendX = LEFT + 8;
      for (Map.Entry<String, List<Point>> s : series.entrySet()) {
        String c = COLOURS[colour++ % COLOURS.length];
        StringBuilder points = new StringBuilder();
        for (Point p : s.getValue()) {
          if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
            continue;
          }
          double x = LEFT + (p.x() - minX) / (maxX - minX) * plotW;
          double y = TOP + plotH - (p.y() - minY) / (maxY - minY) * plotH;
          points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        svg.append(
            String.format(
                Locale.ROOT,
                "<polyline data-series='%s' fill='none' stroke='%s' stroke-width='1.5'"
                    + " points='%s'/>",
                escape(s.getKey()),
                c,
                points.toString().strip()));
        if (s.getValue().size() == 1) {
          String[] xy = points.toString().strip().split(",");
          svg.append(
              String.format(
                  Locale.ROOT, "<circle cx='%s' cy='%s' r='3' fill='%s'/>", xy[0], xy[1], c));
        }
        svg.append(
            String.format(
                Locale.ROOT,
                "<text x='%d' y='%d' fill='%s'>%s</text>",
                legendX,
                TOP + 14,
                c,
                escape(s.getKey())));
        legendX += 12 + 7 * s.getKey().length();
      }
    }
    svg.append("</svg>");
    getElement().setProperty("innerHTML", svg.toString());
  }

  private static String number(double v) {
    return Math.abs(v) >= 100 || v == Math.rint(v)
        ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.3g", v);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
  }
}
