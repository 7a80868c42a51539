package org.concepthash.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured {@code bench train} case, printed as one JSON line.
 *
 * @param geometry "tiny", "vitB32" or "micro"
 * @param batch images per step
 * @param threads intra-op threads of both peers
 * @param ours our step time (DJL trainer: forward, losses, backward, SGD)
 * @param torch the PyTorch peer's step time; null without the peer
 * @param oursFirst our first step's loss terms, "total" and gradient "norm"
 * @param torchFirst the peer's, on the same weights and batch; null without the peer
 * @param oursLosses our total loss after every step, warm-up included
 * @param torchLosses the peer's; null without the peer
 */
public record TrainCase(
    String geometry,
    int batch,
    int threads,
    Timing ours,
    Timing torch,
    Map<String, Double> oursFirst,
    Map<String, Double> torchFirst,
    double[] oursLosses,
    double[] torchLosses) {

  /** Target of issue 4: our step at most this many times the PyTorch step. */
  public static final double TARGET_RATIO = 1.25;

  public double imagesPerSecond(double ms) {
    return batch * 1000 / ms;
  }

  /** ours_ms / torch_ms: 1 = as fast as PyTorch, larger = slower. */
  public double ratio() {
    return ours.ms() / torch.ms();
  }

  /**
   * Largest relative difference between the two peers' first-step values (each loss term, total,
   * gradient norm); null without the peer.
   */
  public Double firstStepDeviation() {
    if (torchFirst == null) {
      return null;
    }
    double worst = 0;
    for (Map.Entry<String, Double> e : oursFirst.entrySet()) {
      Double other = torchFirst.get(e.getKey());
      if (other == null) {
        return Double.POSITIVE_INFINITY;
      }
      worst = Math.max(worst, Math.abs(e.getValue() - other) / Math.max(1e-6, Math.abs(other)));
    }
    return worst;
  }

  /**
   * Largest relative difference between the peers' total loss over all steps: small when both
   * optimisers take the same steps (deterministic mode); null without the peer.
   */
  public Double trajectoryDeviation() {
    if (torchLosses == null) {
      return null;
    }
    if (torchLosses.length != oursLosses.length) {
      return Double.POSITIVE_INFINITY;
    }
    double worst = 0;
    for (int i = 0; i < oursLosses.length; i++) {
      worst =
          Math.max(
              worst,
              Math.abs(oursLosses[i] - torchLosses[i]) / Math.max(1e-6, Math.abs(torchLosses[i])));
    }
    return worst;
  }

  public Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("case", geometry + "/batch" + batch);
    f.put("geometry", geometry);
    f.put("batch", batch);
    f.put("threads", threads);
    f.put("ours_ms", round(ours.ms()));
    f.put("ours_best_ms", round(ours.bestMs()));
    f.put("ours_cpu_ms", round(ours.cpuMs()));
    f.put("ours_images_per_s", round(imagesPerSecond(ours.ms())));
    if (torch != null) {
      f.put("torch_ms", round(torch.ms()));
      f.put("torch_best_ms", round(torch.bestMs()));
      f.put("torch_cpu_ms", round(torch.cpuMs()));
      f.put("torch_images_per_s", round(imagesPerSecond(torch.ms())));
      f.put("ratio", round(ratio()));
      f.put("best_ratio", round(ours.bestMs() / torch.bestMs()));
      f.put("cpu_ratio", round(ours.cpuMs() / torch.cpuMs()));
      f.put("within_target", ratio() <= TARGET_RATIO);
    } else {
      f.put("torch_ms", null);
      f.put("ratio", null);
    }
    f.put("ours_first", oursFirst);
    f.put("torch_first", torchFirst);
    f.put("first_step_deviation", firstStepDeviation());
    f.put("ours_losses", oursLosses);
    f.put("torch_losses", torchLosses);
    f.put("trajectory_deviation", trajectoryDeviation());
    return f;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
