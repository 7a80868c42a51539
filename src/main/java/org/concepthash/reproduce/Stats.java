package org.concepthash.reproduce;

import java.util.List;
import java.util.Locale;

/**
 * Mean and sample standard deviation of one metric over the seeds of a configuration.
 *
 * @param std sample standard deviation (n - 1 in the denominator); NaN with fewer than two seeds
 */
record Stats(double mean, double std, int n) {

  static Stats of(List<Double> values) {
    int n = values.size();
    if (n == 0) {
      return new Stats(Double.NaN, Double.NaN, 0);
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    return new Stats(mean, n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1)), n);
  }

  /** "0.712 ± 0.021 (3)", or "-" without values. */
  String format(int decimals) {
    if (n == 0) {
      return "-";
    }
    String f = "%." + decimals + "f";
    String mean = String.format(Locale.ROOT, f, this.mean);
    return n < 2
        ? mean + " (1)"
        : mean + " ± " + String.format(Locale.ROOT, f, std) + " (" + n + ")";
  }
}
