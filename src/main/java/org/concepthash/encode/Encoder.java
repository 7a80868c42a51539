package org.concepthash.encode;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.concepthash.code.BinaryCodes;
import org.concepthash.code.ConceptLayout;
import org.concepthash.code.HexCode;
import org.concepthash.model.ImagePreprocessor;
import org.concepthash.model.ProbeImages;
import org.concepthash.onnx.ConceptHashGraph;
import org.concepthash.onnx.GraphOutputs;
import org.concepthash.onnx.ModelManifest;
import org.concepthash.onnx.ModelPackage;
import org.concepthash.onnx.ModelPackageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes images with a model package on ONNX Runtime: the package's preprocessing (the shared
 * {@link ImagePreprocessor}), the graph, then binary code, sub-codes, attention maps and the
 * nearest class centre per image. Thread-safe: any number of threads may call {@code encode} at
 * once (ONNX Runtime sessions are safe for concurrent runs); large requests are split into batches
 * of {@link EncoderOptions#maxBatch()}, and on a multi-threaded CPU a batch is split over the
 * threads ({@link GraphRunner}).
 *
 * <p>Opening checks that the graph's inputs and outputs have the shapes the manifest describes and
 * warms the session up on the package's probe images ({@link ProbeAgreement}). On the CPU they must
 * reproduce the codes recorded at export to within {@link #PROBE_TOLERANCE}: a damaged graph or a
 * runtime that computes differently is refused. On CUDA (untested on a GPU) the binary codes must
 * agree apart from bits at the decision boundary; when they do not, the package is opened on the
 * CPU instead, with a log line and a {@link #fallbackReason()}.
 */
public final class Encoder implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Encoder.class);

  /**
   * Largest accepted deviation from the probe codes recorded at export (10x the export's parity
   * bound).
   */
  public static final double PROBE_TOLERANCE = 1e-3;

  private final ModelManifest manifest;
  private final GraphRunner runner;
  private final String device;
  private final String fallbackReason;
  private final ImagePreprocessor preprocessor;
  private final ConceptLayout layout;
  private final BinaryCodes centres;
  private final int maxBatch;
  private final int imageSize;
  private final double probeDeviation;

  private Encoder(
      ModelManifest manifest,
      SessionFactory.Opened opened,
      GraphRunner runner,
      int maxBatch,
      double probeDeviation,
      String fallbackReason) {
    this.manifest = manifest;
    this.probeDeviation = probeDeviation;
    this.runner = runner;
    this.device = opened.device();
    this.fallbackReason = fallbackReason;
    ModelManifest.Preprocessing p = manifest.preprocessing();
    this.preprocessor = new ImagePreprocessor(p.resizeShorterSide(), p.crop(), p.mean(), p.std());
    this.layout = manifest.layout();
    this.maxBatch = maxBatch;
    this.imageSize = manifest.network().imageSize();
    int bits = manifest.network().bits();
    int perCode = BinaryCodes.wordsPerCode(bits);
    long[] words = new long[manifest.classes().size() * perCode];
    for (int c = 0; c < manifest.classes().size(); c++) {
      System.arraycopy(
          HexCode.parse(manifest.classes().get(c).centre(), bits), 0, words, c * perCode, perCode);
    }
    this.centres = new BinaryCodes(bits, words);
  }

  /** Reads the package file and opens it. */
  public static Encoder open(Path packageFile, EncoderOptions options) throws IOException {
    return open(ModelPackage.read(packageFile), packageFile, options);
  }

  /**
   * Opens a package already in memory; {@code source} names it in error messages.
   *
   * @throws ModelPackageException when the graph does not match its manifest or fails the probe
   */
  public static Encoder open(ModelPackage pkg, Path source, EncoderOptions options)
      throws IOException {
    Attempt attempt = attempt(pkg, source, options, null);
    if (attempt.encoder() != null) {
      return attempt.encoder();
    }
    // CUDA computed other codes: serve on the CPU rather than refuse the package (untested on a
    // GPU)
    String reason =
        "CUDA did not reproduce the probe codes ("
            + attempt.cudaDisagreement().describe()
            + "); encoding on the CPU";
    LOG.warn("{}: {}", source, reason);
    return attempt(
            pkg, source, new EncoderOptions(false, options.threads(), options.maxBatch()), reason)
        .encoder();
  }

  /** An opened encoder, or (CUDA only) how its probe codes disagreed. */
  private record Attempt(Encoder encoder, ProbeAgreement cudaDisagreement) {}

  private static Attempt attempt(
      ModelPackage pkg, Path source, EncoderOptions options, String cudaFallbackReason)
      throws IOException {
    SessionFactory.Opened opened;
    try {
      opened = SessionFactory.open(pkg.onnx(), options);
    } catch (OrtException e) {
      throw cannotLoad(source, e);
    }
    GraphRunner runner;
    try {
      OrtSession perThread =
          !opened.cuda() && options.threads() > 1 ? SessionFactory.cpu(pkg.onnx(), 1) : null;
      runner =
          new GraphRunner(
              opened.session(), perThread, options.threads(), pkg.manifest().network().imageSize());
    } catch (OrtException e) {
      GraphRunner.close(opened.session());
      throw cannotLoad(source, e);
    }
    try {
      checkSignature(opened.session(), pkg.manifest(), source);
      // the probe is a batch, so it also checks the split runs
      ProbeAgreement probe = probe(runner, pkg.manifest());
      if (opened.cuda() && !probe.sameBits()) {
        runner.close();
        return new Attempt(null, probe);
      }
      if (!opened.cuda() && !probe.withinTolerance()) {
        throw new ModelPackageException(
            source,
            "the graph does not reproduce its recorded probe codes ("
                + probe.describe()
                + "; at most "
                + PROBE_TOLERANCE
                + " on "
                + opened.device()
                + "): the package is damaged or this runtime computes differently");
      }
      return new Attempt(
          new Encoder(
              pkg.manifest(),
              opened,
              runner,
              options.maxBatch(),
              probe.maxDeviation(),
              cudaFallbackReason != null ? cudaFallbackReason : opened.fallbackReason()),
          null);
    } catch (IOException | RuntimeException e) {
      runner.close();
      throw e;
    }
  }

  private static ModelPackageException cannotLoad(Path source, OrtException e) {
    return new ModelPackageException(
        source, "ONNX Runtime cannot load the graph: " + e.getMessage(), e);
  }

  public ModelManifest manifest() {
    return manifest;
  }

  /** Where the graph runs: "CUDA:0" or "CPU (n threads)". */
  public String device() {
    return device;
  }

  /** Why CUDA is not used although it was requested; null otherwise. */
  public String fallbackReason() {
    return fallbackReason;
  }

  /** Largest deviation of the warm-up probe from the codes recorded at export. */
  public double probeDeviation() {
    return probeDeviation;
  }

  /** The package's evaluation transform. */
  public ImagePreprocessor preprocessor() {
    return preprocessor;
  }

  /** Encodes decoded, upright images, in order. */
  public List<Encoding> encode(List<BufferedImage> images) throws IOException {
    List<Encoding> out = new ArrayList<>(images.size());
    int pixels = 3 * imageSize * imageSize;
    for (int start = 0; start < images.size(); start += maxBatch) {
      List<BufferedImage> batch = images.subList(start, Math.min(images.size(), start + maxBatch));
      FloatBuffer input = GraphOutputs.directBuffer(batch.size() * pixels);
      // absolute bulk puts into disjoint regions: safe from several threads
      IntStream.range(0, batch.size())
          .parallel()
          .forEach(i -> input.put(i * pixels, preprocessor.apply(batch.get(i))));
      out.addAll(decode(run(input, batch.size())));
    }
    return out;
  }

  /** Encodes one image. */
  public Encoding encode(BufferedImage image) throws IOException {
    return encode(List.of(image)).get(0);
  }

  /**
   * Runs the graph on already normalised input, (count, 3, S, S) CHW in a direct buffer, as one
   * batch (not cut at {@link EncoderOptions#maxBatch()}); for benchmarks and checks.
   */
  public GraphOutputs run(FloatBuffer images, int count) throws IOException {
    return runner.run(images, count);
  }

  /** Turns raw graph outputs into per-image encodings. */
  public List<Encoding> decode(GraphOutputs outputs) {
    int bits = layout.bits();
    int concepts = layout.concepts();
    int patches = manifest.network().patches();
    BinaryCodes codes = BinaryCodes.fromContinuous(outputs.code(), outputs.count(), bits);
    List<Encoding> result = new ArrayList<>(outputs.count());
    for (int i = 0; i < outputs.count(); i++) {
      String[] subCodes = new String[concepts];
      float[][] maps = new float[concepts][];
      for (int m = 0; m < concepts; m++) {
        StringBuilder s = new StringBuilder(layout.width(m));
        for (int j = layout.start(m); j < layout.end(m); j++) {
          s.append(codes.bit(i, j) ? '1' : '0');
        }
        subCodes[m] = s.toString();
        int from = (i * concepts + m) * patches;
        maps[m] = Arrays.copyOfRange(outputs.attention(), from, from + patches);
      }
      result.add(
          new Encoding(
              codes.code(i),
              subCodes,
              Arrays.copyOfRange(outputs.code(), i * bits, (i + 1) * bits),
              maps,
              manifest.network().patchGrid(),
              predict(codes, i)));
    }
    return result;
  }

  private ClassPrediction predict(BinaryCodes codes, int item) {
    int best = -1;
    int bestDistance = Integer.MAX_VALUE;
    int second = Integer.MAX_VALUE;
    for (int c = 0; c < centres.count(); c++) {
      int d = codes.distance(item, centres, c);
      if (d < bestDistance) {
        second = bestDistance;
        bestDistance = d;
        best = c;
      } else if (d < second) {
        second = d;
      }
    }
    int margin = second == Integer.MAX_VALUE ? layout.bits() : second - bestDistance;
    return new ClassPrediction(best, bestDistance, margin);
  }

  private static void checkSignature(OrtSession session, ModelManifest manifest, Path source)
      throws ModelPackageException {
    ModelManifest.Network n = manifest.network();
    try {
      expect(
          source,
          session.getInputInfo(),
          ConceptHashGraph.INPUT,
          -1,
          3,
          n.imageSize(),
          n.imageSize());
      Map<String, NodeInfo> outputs = session.getOutputInfo();
      expect(source, outputs, ConceptHashGraph.CODE, -1, n.bits());
      expect(source, outputs, ConceptHashGraph.ATTENTION, -1, n.concepts(), n.patches());
    } catch (OrtException e) {
      throw new ModelPackageException(source, "cannot inspect the graph: " + e.getMessage(), e);
    }
  }

  private static void expect(Path source, Map<String, NodeInfo> values, String name, long... shape)
      throws ModelPackageException {
    NodeInfo info = values.get(name);
    long[] actual = info != null && info.getInfo() instanceof TensorInfo t ? t.getShape() : null;
    if (actual == null || !Arrays.equals(actual, shape)) {
      throw new ModelPackageException(
          source,
          "the graph does not match its manifest: "
              + name
              + " should have shape "
              + Arrays.toString(shape)
              + " (-1 = batch), has "
              + (actual == null ? "no such value" : Arrays.toString(actual)));
    }
  }

  /** Warm-up on the recorded probe, compared with the codes recorded at export. */
  private static ProbeAgreement probe(GraphRunner runner, ModelManifest manifest)
      throws IOException {
    ModelManifest.SelfCheck probe = manifest.selfCheck();
    int size = manifest.network().imageSize();
    float[] images = ProbeImages.generate(probe.probeSeed(), probe.probeImages(), size);
    float[] codes = runner.run(GraphOutputs.directBuffer(images), probe.probeImages()).code();
    return ProbeAgreement.compare(probe.probeCodes(), codes);
  }

  @Override
  public void close() {
    runner.close();
  }
}
