package org.concepthash.reproduce;

import java.util.Locale;

/**
 * Whether "a is higher than b" holds: the difference of the means against its noise, the standard
 * error sqrt(std_a^2 / n_a + std_b^2 / n_b). It holds when the difference exceeds {@link #SIGMAS}
 * noise, does not hold when it is below minus that, and is inconclusive in between or with fewer
 * than two seeds on either side.
 */
record Verdict(String claim, double difference, double noise, String outcome) {

  static final double SIGMAS = 2;

  static final String RULE =
      "a claim \"A > B\" **holds** when mean(A) - mean(B) > 2 x noise, where noise ="
          + " sqrt(std_A^2/n_A + std_B^2/n_B) (the standard error of the difference over seeds);"
          + " it **does not hold** when mean(A) - mean(B) < -2 x noise (B is clearly higher), and"
          + " is **inconclusive at this size** otherwise or with fewer than 2 seeds.";

  static Verdict higher(String claim, Stats a, Stats b) {
    double d = a.mean() - b.mean();
    if (a.n() == 0 || b.n() == 0) {
      return new Verdict(claim, d, Double.NaN, "not run");
    }
    if (a.n() < 2 || b.n() < 2) {
      return new Verdict(claim, d, Double.NaN, "inconclusive (fewer than 2 seeds)");
    }
    double noise = Math.sqrt(a.std() * a.std() / a.n() + b.std() * b.std() / b.n());
    String outcome =
        d > SIGMAS * noise ? "holds" : d < -SIGMAS * noise ? "does not hold" : "inconclusive";
    return new Verdict(claim, d, noise, outcome);
  }

  String row() {
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | **%s** |",
        claim,
        Double.isNaN(difference) ? "-" : String.format(Locale.ROOT, "%+.3f", difference),
        Double.isNaN(noise) ? "-" : String.format(Locale.ROOT, "%.3f", noise),
        outcome);
  }
}
