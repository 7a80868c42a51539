package org.concepthash.bench;

/**
 * One measured benchmark case, printed as one JSON line.
 *
 * @param name case name, e.g. "top10_1t"
 * @param data "random" or "clustered"
 * @param n database size (codes)
 * @param threads threads of both peers
 * @param batch queries per call (1 = single-query latency)
 * @param ours our latency per query
 * @param faiss FAISS latency per query; null without the peer
 * @param bytesPerPass bytes a full pass reads (8 per code, 2 per code for a one-concept column)
 * @param scannedFraction part of the database a single-threaded scan read before its top k were
 *     final (k hits at distance 0 stop the scan: later ids cannot beat them); 1 unless that
 *     happened
 * @param bandwidthGbps measured memory-streaming bandwidth, GB/s
 * @param fullCode our full-code single-thread latency, for one-concept cases; null otherwise
 * @param agree whether our top-k distances equal FAISS's for every timed query; null without the
 *     peer
 * @param paired our bandwidth against a probe run right before each query; null where not probed
 */
public record CaseResult(
    String name,
    String data,
    int n,
    int threads,
    int batch,
    Latency ours,
    Latency faiss,
    long bytesPerPass,
    double scannedFraction,
    double bandwidthGbps,
    Latency fullCode,
    Boolean agree,
    PairedBandwidth paired) {

  public double oursMs() {
    return ours.medianMs();
  }

  /** Bytes actually read per pass / time per pass, GB/s, for a per-query latency. */
  private double gbps(double msPerQuery) {
    return bytesPerPass * scannedFraction / (msPerQuery * batch * 1e6);
  }

  /**
   * The JSON line: case, n, threads, ours_ms, faiss_ms, speedup (= faiss_ms / ours_ms) and more.
   */
  public String toJson() {
    StringBuilder json = new StringBuilder("{");
    json.append(
        String.format(
            "\"case\": \"%s/%s\", \"data\": \"%s\", \"n\": %d, \"threads\": %d, \"batch\": %d",
            data, name, data, n, threads, batch));
    json.append(String.format(", \"ours_ms\": %.4f", ours.medianMs()));
    if (faiss == null) {
      json.append(", \"faiss_ms\": null, \"speedup\": null");
    } else {
      json.append(
          String.format(
              ", \"faiss_ms\": %.4f, \"speedup\": %.2f",
              faiss.medianMs(), faiss.medianMs() / ours.medianMs()));
    }
    json.append(String.format(", \"ours_best_ms\": %.4f", ours.bestMs()));
    if (faiss != null) {
      json.append(
          String.format(
              ", \"faiss_best_ms\": %.4f, \"best_speedup\": %.2f",
              faiss.bestMs(), faiss.bestMs() / ours.bestMs()));
    }
    if (threads
        == 1) { // CPU time of the one searching thread: free of waiting for a core on a busy
      // machine
      json.append(String.format(", \"ours_cpu_ms\": %.4f", ours.cpuMedianMs()));
      if (faiss != null) {
        json.append(
            String.format(
                ", \"faiss_cpu_ms\": %.4f, \"cpu_speedup\": %.2f",
                faiss.cpuMedianMs(), faiss.cpuMedianMs() / ours.cpuMedianMs()));
      }
    }
    json.append(
        String.format(
            ", \"scanned_fraction\": %.4f, \"bandwidth_gbps\": %.2f",
            scannedFraction, bandwidthGbps));
    json.append(
        String.format(
            ", \"ours_gbps\": %.2f, \"bandwidth_fraction\": %.2f, \"best_bandwidth_fraction\":"
                + " %.2f",
            gbps(ours.medianMs()),
            gbps(ours.medianMs()) / bandwidthGbps,
            gbps(ours.bestMs()) / bandwidthGbps));
    if (threads == 1) {
      json.append(
          String.format(
              ", \"cpu_bandwidth_fraction\": %.2f", gbps(ours.cpuMedianMs()) / bandwidthGbps));
    }
    if (fullCode != null) {
      json.append(
          String.format(
              ", \"full_code_ms\": %.4f, \"vs_full_code\": %.2f",
              fullCode.medianMs(), fullCode.medianMs() / ours.medianMs()));
    }
    if (paired != null) {
      json.append(
          String.format(
              ", \"paired_probe_gbps\": %.2f, \"paired_bandwidth_fraction\": %.2f",
              paired.probeGbps(), paired.fraction()));
    }
    json.append(", \"agree_with_faiss\": ").append(agree);
    return json.append("}").toString();
  }
}
