package org.concepthash.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The server-side SVG chart: one polyline per series, scaled into the plot, names escaped. */
class LineChartTest {

  @Test
  void drawsOnePolylinePerSeriesInsideThePlot() {
    LineChart chart = new LineChart("Loss", "epoch");
    assertTrue(svg(chart).contains("no data yet"));
    Map<String, List<LineChart.Point>> series = new LinkedHashMap<>();
    series.put(
        "total",
        List.of(new LineChart.Point(0, 4), new LineChart.Point(1, 2), new LineChart.Point(2, 1)));
    series.put("a<b", List.of(new LineChart.Point(0, 1), new LineChart.Point(2, Double.NaN)));
    chart.show(series);
    String svg = svg(chart);
    assertTrue(svg.contains("data-series='total'"));
    assertTrue(svg.contains("data-series='a&lt;b'"), "names are escaped");
    Matcher m = Pattern.compile("data-series='total'[^>]*points='([^']*)'").matcher(svg);
    assertTrue(m.find(), svg);
    String[] points = m.group(1).split(" ");
    assertEquals(3, points.length);
    // the highest loss is at the top of the plot, the lowest at the bottom, x from left to right
    double[] first = xy(points[0]);
    double[] last = xy(points[2]);
    assertEquals(48, first[0], 1e-6);
    assertEquals(22, first[1], 1e-6);
    assertEquals(472, last[0], 1e-6);
    assertEquals(176, last[1], 1e-6);
    Matcher other = Pattern.compile("data-series='a&lt;b'[^>]*points='([^']*)'").matcher(svg);
    assertTrue(other.find());
    assertEquals(1, other.group(1).split(" ").length, "a NaN point is left out");
  }

  private static double[] xy(String point) {
    String[] p = point.split(",");
    return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])};
  }

  private static String svg(LineChart chart) {
    return chart.getElement().getProperty("innerHTML");
  }
}
