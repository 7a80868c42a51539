package org.concepthash.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.concepthash.code.BinaryCodes;
import org.concepthash.code.HexCode;
import org.concepthash.onnx.ModelManifest;
import org.concepthash.onnx.ModelPackageException;
import org.concepthash.onnx.PackageFixtures;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EncoderTest {

  @TempDir Path dir;

  @Test
  void openingWarmsUpOnTheRecordedProbe() throws IOException {
    try (Encoder encoder = Encoder.open(PackageFixtures.microV1(), EncoderOptions.cpu(1))) {
      assertEquals("CPU (1 threads)", encoder.device());
      assertTrue(encoder.probeDeviation() <= 1e-4, "deviation " + encoder.probeDeviation());
    }
  }

  @Test
  void anEncodingHoldsConsistentCodesSubCodesMapsAndTheNearestCentre() throws IOException {
    try (Encoder encoder = Encoder.open(PackageFixtures.microV1(), EncoderOptions.cpu(1))) {
      ModelManifest m = encoder.manifest();
      for (BufferedImage image : images(6, 40, 50)) {
        Encoding e = encoder.encode(image);
        assertEquals(8, e.code().length);
        assertEquals(BinaryCodes.fromContinuous(e.code(), 1, 8), new BinaryCodes(8, e.words()));
        assertEquals(List.of(bits(e, 0, 4), bits(e, 4, 8)), List.of(e.subCodes()));
        assertEquals(4, e.grid());
        assertEquals(2, e.attention().length);
        for (float[] map : e.attention()) {
          assertEquals(16, map.length);
          double sum = 0;
          for (float v : map) {
            assertTrue(v >= 0);
            sum += v;
          }
          assertTrue(sum <= 1 + 1e-5, "patch attention is a part of a softmax row");
        }
        int[] distances =
            m.classes().stream()
                .mapToInt(c -> Long.bitCount(HexCode.parse(c.centre(), 8)[0] ^ e.words()[0]))
                .toArray();
        int best = 0;
        for (int c = 1; c < distances.length; c++) {
          best = distances[c] < distances[best] ? c : best;
        }
        assertEquals(best, e.prediction().classIndex());
        assertEquals(distances[best], e.prediction().distance());
        int second = Integer.MAX_VALUE;
        for (int c = 0; c < distances.length; c++) {
          second = c == best ? second : Math.min(second, distances[c]);
        }
        assertEquals(second - distances[best], e.prediction().margin());
      }
    }
  }

  /**
   * Batches of 4 or 5 split over 2 or 3 threads into uneven parts (2+2, 2+1+1, 2+2+1) and a last
   * single image.
   */
  @ParameterizedTest(name = "{0} threads, batches of {1}")
  @CsvSource({"2, 4", "3, 4", "3, 5"})
  void batchingAndSplittingOverThreadsDoNotChangeTheEncodings(int threads, int maxBatch)
      throws IOException {
    List<BufferedImage> images = images(9, 32, 45);
    try (Encoder one = Encoder.open(PackageFixtures.microV1(), new EncoderOptions(false, 1, 1));
        Encoder split =
            Encoder.open(PackageFixtures.microV1(), new EncoderOptions(false, threads, maxBatch))) {
      List<Encoding> a = one.encode(images);
      List<Encoding> b = split.encode(images);
      assertEquals(images.size(), b.size());
      for (int i = 0; i < a.size(); i++) {
        assertArrayEquals(a.get(i).code(), b.get(i).code(), 1e-5f, "image " + i);
        assertArrayEquals(a.get(i).words(), b.get(i).words(), "image " + i);
        for (int m = 0; m < a.get(i).attention().length; m++) {
          assertArrayEquals(
              a.get(i).attention()[m],
              b.get(i).attention()[m],
              1e-6f,
              "image " + i + " concept " + m);
        }
      }
    }
  }

  @Test
  void concurrentCallersGetTheSameResultsAsOneCaller() throws Exception {
    List<BufferedImage> images = images(12, 36, 36);
    try (Encoder encoder =
        Encoder.open(PackageFixtures.microV1(), new EncoderOptions(false, 2, 5))) {
      List<Encoding> sequential = encoder.encode(images);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<List<Encoding>>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          futures.add(pool.submit(() -> encoder.encode(images)));
        }
        for (Future<List<Encoding>> f : futures) {
          List<Encoding> got = f.get();
          for (int i = 0; i < images.size(); i++) {
            assertArrayEquals(sequential.get(i).code(), got.get(i).code());
            assertArrayEquals(sequential.get(i).words(), got.get(i).words());
          }
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void requestingCudaWithoutAGpuFallsBackToTheCpuAndSaysWhy() throws IOException {
    try (Encoder encoder =
        Encoder.open(PackageFixtures.microV1(), new EncoderOptions(true, 1, 8))) {
      Assumptions.assumeFalse(
          encoder.device().startsWith("CUDA"), "this machine runs CUDA; nothing falls back");
      assertEquals("CPU (1 threads)", encoder.device());
      assertNotNull(encoder.fallbackReason());
      assertTrue(encoder.encode(images(1, 32, 32)).size() == 1);
    }
  }

  @Test
  void aGraphThatDoesNotMatchItsManifestIsRefused() throws IOException {
    // the manifest claims 64 px input with 16 px patches (same 4 x 4 grid); the graph takes 32 px
    Path file =
        PackageFixtures.withManifest(
            dir.resolve("size.zip"),
            j ->
                j.replace(
                        "\"imageSize\": 32,\n    \"patchSize\": 8,",
                        "\"imageSize\": 64,\n    \"patchSize\": 16,")
                    .replace(
                        "\"resizeShorterSide\": 37,\n    \"crop\": 32,",
                        "\"resizeShorterSide\": 73,\n    \"crop\": 64,"));
    ModelPackageException e =
        assertThrows(ModelPackageException.class, () -> Encoder.open(file, EncoderOptions.cpu(1)));
    assertTrue(e.getMessage().contains("images should have shape [-1, 3, 64, 64]"), e.getMessage());
  }

  @Test
  void aGraphThatNoLongerReproducesItsProbeIsRefused() throws IOException {
    Path file =
        PackageFixtures.withManifest(
            dir.resolve("probe.zip"),
            j ->
                j.replaceFirst("\"probeCodes\": \\[\n(\\s*)", "\"probeCodes\": [\n$1 5.0,\n$1")
                    .replaceFirst(",\\s*[-0-9.E]+\\s*\\]\\s*\\}\\s*\\}\\s*$", "\n    ]\n  }\n}\n"));
    ModelPackageException e =
        assertThrows(ModelPackageException.class, () -> Encoder.open(file, EncoderOptions.cpu(1)));
    assertTrue(e.getMessage().contains("does not reproduce its recorded probe"), e.getMessage());
  }

  private static String bits(Encoding e, int from, int to) {
    StringBuilder s = new StringBuilder();
    for (int j = from; j < to; j++) {
      s.append(e.code()[j] > 0 ? '1' : '0');
    }
    return s.toString();
  }

  /** Random rectangles on a random background, {@code w} x {@code h}. */
  static List<BufferedImage> images(int count, int w, int h) {
    SplittableRandom random = new SplittableRandom(count * 31L + w);
    List<BufferedImage> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      g.setColor(new Color(random.nextInt(1 << 24)));
      g.fillRect(0, 0, w, h);
      for (int r = 0; r < 4; r++) {
        g.setColor(new Color(random.nextInt(1 << 24)));
        g.fillRect(
            random.nextInt(w),
            random.nextInt(h),
            1 + random.nextInt(w / 2),
            1 + random.nextInt(h / 2));
      }
      g.dispose();
      out.add(image);
    }
    return out;
  }
}
