package org.concepthash.bench;

import java.util.List;

/**
 * A full scan's bandwidth against the streaming bandwidth probed right before each of its queries.
 *
 * @param probeGbps median of the probes, GB/s
 * @param fraction median over the queries of (bytes scanned / query time) / the probe before it
 */
record PairedBandwidth(double probeGbps, double fraction) {

  /** One timed query and the probe right before it. */
  record Pass(double probeGbps, double ms) {}

  static PairedBandwidth of(List<Pass> passes, long bytesPerPass) {
    double[] probes = passes.stream().mapToDouble(Pass::probeGbps).sorted().toArray();
    double[] fractions =
        passes.stream()
            .mapToDouble(p -> bytesPerPass / (p.ms() * 1e6) / p.probeGbps())
            .sorted()
            .toArray();
    return new PairedBandwidth(median(probes), median(fractions));
  }

  private static double median(double[] sorted) {
    return sorted[sorted.length / 2];
  }
}
