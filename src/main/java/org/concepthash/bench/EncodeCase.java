package org.concepthash.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured {@code bench encode} case, printed as one JSON line.
 *
 * @param geometry "tiny" or "vitB32"
 * @param batch images per call
 * @param threads intra-op threads of both peers
 * @param flopsPerImage analytic forward FLOPs of one image ({@code FlopCount.exportedForward})
 * @param ours ONNX Runtime time per call
 * @param torch PyTorch eager time per call; null without the peer
 * @param gemmGflops measured matrix-multiply peak, wall-clock GFLOP/s (best of ONNX Runtime and
 *     torch.mm)
 * @param gemmCpuGflops the peak per CPU-second
 */
public record EncodeCase(
    String geometry,
    int batch,
    int threads,
    long flopsPerImage,
    Timing ours,
    Timing torch,
    double gemmGflops,
    double gemmCpuGflops) {

  public String name() {
    return geometry + "/batch" + batch;
  }

  /** Images per second of a per-call time. */
  public double imagesPerSecond(double ms) {
    return batch * 1000 / ms;
  }

  /** Achieved GFLOP/s of a per-call time. */
  public double gflops(double ms) {
    return (double) flopsPerImage * batch / (ms * 1e6);
  }

  /**
   * The JSON fields: case, throughput and GFLOP/s of both peers (wall-clock and per CPU-second),
   * speedup = torch_ms / ours_ms, and the fraction of the GEMM peak ours reaches.
   */
  public Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("case", name());
    f.put("geometry", geometry);
    f.put("batch", batch);
    f.put("threads", threads);
    f.put("gflop_per_image", round(flopsPerImage / 1e9, 4));
    f.put("ours_ms", round(ours.ms(), 3));
    f.put("ours_best_ms", round(ours.bestMs(), 3));
    f.put("ours_cpu_ms", round(ours.cpuMs(), 3));
    f.put("ours_images_per_s", round(imagesPerSecond(ours.ms()), 2));
    f.put("ours_gflops", round(gflops(ours.ms()), 2));
    f.put("ours_cpu_gflops", round(gflops(ours.cpuMs()), 2));
    if (torch != null) {
      f.put("torch_ms", round(torch.ms(), 3));
      f.put("torch_best_ms", round(torch.bestMs(), 3));
      f.put("torch_cpu_ms", round(torch.cpuMs(), 3));
      f.put("torch_images_per_s", round(imagesPerSecond(torch.ms()), 2));
      f.put("torch_gflops", round(gflops(torch.ms()), 2));
      f.put("speedup", round(torch.ms() / ours.ms(), 3));
      f.put("best_speedup", round(torch.bestMs() / ours.bestMs(), 3));
      f.put("cpu_speedup", round(torch.cpuMs() / ours.cpuMs(), 3));
    } else {
      f.put("torch_ms", null);
      f.put("speedup", null);
    }
    f.put("gemm_peak_gflops", round(gemmGflops, 2));
    f.put("gemm_peak_cpu_gflops", round(gemmCpuGflops, 2));
    f.put("peak_fraction", round(gflops(ours.ms()) / gemmGflops, 3));
    f.put("best_peak_fraction", round(gflops(ours.bestMs()) / gemmGflops, 3));
    f.put("cpu_peak_fraction", round(gflops(ours.cpuMs()) / gemmCpuGflops, 3));
    return f;
  }

  static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
