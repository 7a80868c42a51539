package org.concepthash.onnx;

import ai.onnx.proto.OnnxMl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.concepthash.model.ConceptAttention;
import org.concepthash.model.ConceptHashConfig;
import org.concepthash.model.ConceptHashNet;
import org.concepthash.model.LocalPatchFeatures;
import org.concepthash.model.ModelParameter;
import org.concepthash.model.ParameterSet;
import org.concepthash.model.TokenLayout;
import org.concepthash.model.VitGeometry;
import org.concepthash.onnx.OnnxGraph.Attribute;

/**
 * Writes the eval-mode ConceptHash network ({@link ConceptHashNet} with its tensors in a {@link
 * ParameterSet}) as an ONNX graph.
 *
 * <p>Graph contract (B = symbolic batch, S image side, K bits, M concepts, P patches):
 *
 * <ul>
 *   <li>input {@value #INPUT} (B, 3, S, S) float32, normalised as the package's preprocessing says;
 *   <li>output {@value #CODE} (B, K): the continuous code (batch-norm output with running
 *       statistics), concept m owning bits [m K/M, (m+1) K/M); the binary code is bit = code &gt;
 *       0;
 *   <li>output {@value #ATTENTION} (B, M, P): each concept token's attention over the patch tokens,
 *       row-major over the patch grid: the tower's last layer averaged over heads, not
 *       renormalised, or for {@link ConceptAttention#LOCAL} the local cross-attention (rows sum to
 *       1).
 * </ul>
 *
 * <p>Folded at export, because they do not depend on the input: the concept tokens (evaluated once
 * in eval mode by the caller), the class embedding plus its position, the 1/sqrt(hd) query scale,
 * each adapter's scale s. The last layer computes queries, MLP and adapters for the concept tokens
 * only: no output reads the other tokens' final states.
 */
public final class ConceptHashGraph {

  public static final String INPUT = "images";
  public static final String CODE = "code";
  public static final String ATTENTION = "concept_attention";

  private static final float LN_EPS = 1e-5f;
  private static final float BN_EPS = 1e-5f;

  private final OnnxGraph g = new OnnxGraph("concepthash");
  private final ParameterSet parameters;
  private final ConceptHashConfig config;
  private final TokenLayout layout;
  private final Set<String> used = new HashSet<>();
  private final String half;
  private final String one;
  private final String sqrt2;
  private final String quickGeluSlope;
  private String conceptFrom;
  private String conceptTo;
  private String tokenAxis;

  private ConceptHashGraph(ParameterSet parameters, ConceptHashConfig config) {
    this.parameters = parameters;
    this.config = config;
    this.layout = config.tokenLayout();
    this.half = g.constant("const_half", new float[] {0.5f});
    this.one = g.constant("const_one", new float[] {1f});
    this.sqrt2 = g.constant("const_sqrt2", new float[] {(float) Math.sqrt(2)});
    this.quickGeluSlope = g.constant("const_quick_gelu", new float[] {1.702f});
  }

  /**
   * Builds the graph.
   *
   * @param parameters every tensor of the network, named as {@link ConceptHashNet} names them; the
   *     concept tokens are evaluated from them once (eval mode) and stored as a constant
   * @param metadata ONNX metadata properties (provenance)
   * @throws IllegalStateException when a {@code vision.*} or {@code hash.*} tensor is not used by
   *     the graph: the network and this writer have drifted apart
   */
  public static OnnxMl.ModelProto build(
      ParameterSet parameters,
      ConceptHashConfig config,
      String producerVersion,
      Map<String, String> metadata) {
    ConceptHashGraph graph = new ConceptHashGraph(parameters, config);
    graph.write(FoldedConceptTokens.evaluate(parameters, config));
    graph.checkEveryTensorUsed();
    return graph.g.model(producerVersion, metadata);
  }

  private void write(float[] conceptTokens) {
    VitGeometry geo = config.geometry();
    int d = geo.width();
    int s = geo.imageSize();
    int m = layout.concepts();
    if (conceptTokens.length != m * d) {
      throw new IllegalArgumentException(
          "expected " + m + " x " + d + " concept token values, got " + conceptTokens.length);
    }
    String images = g.input(INPUT, -1, 3, s, s);
    if (config.conceptAttention() == ConceptAttention.LOCAL) {
      writeLocal(images, conceptTokens);
      return;
    }
    String h = layerNorm(embed(images, conceptTokens), "vision.ln_pre"); // (B, T, D)
    String attention = null;
    for (int i = 0; i < geo.layers(); i++) {
      boolean last = i == geo.layers() - 1;
      String[] out = layer(h, "vision.layers." + i, last);
      h = out[0]; // (B, T, D); after the last layer (B, M, D): the concept tokens only
      attention = out[1];
    }
    String maps =
        g.op(
            "Slice",
            List.of(
                attention,
                g.longs("patch_from", layout.patchStart()),
                g.longs("patch_to", layout.conceptStart()),
                g.longs("patch_axis", 3))); // (B, H, M, P)
    maps =
        g.op(
            "ReduceMean",
            List.of(maps),
            Attribute.ints("axes", 1),
            Attribute.integer("keepdims", 0));
    g.output(maps, ATTENTION, -1, m, layout.patches());
    g.output(hashHead(h), CODE, -1, config.bits());
  }

  /**
   * {@link ConceptAttention#LOCAL} (see {@code LocalConceptAttention}): the convolutional stem with
   * each batch norm folded into its convolution, then one cross-attention whose queries, computed
   * from the constant tokens, are constants too.
   */
  private void writeLocal(String images, float[] conceptTokens) {
    int d = config.geometry().width();
    int m = layout.concepts();
    String x = images;
    for (int i = 0; i < LocalPatchFeatures.stagesFor(config.geometry()); i++) {
      x = g.op("Relu", List.of(foldedConv(x, "local.stem." + i, LocalPatchFeatures.stride(i))));
    }
    String flat =
        g.op("Reshape", List.of(x, g.longs("local_shape", 0, d, layout.patches()))); // (B, D, P)
    String features =
        g.op("Transpose", List.of(flat), Attribute.ints("perm", 0, 2, 1)); // (B, P, D)
    String a = "local.attn.";
    String tokens = g.constant("concept_tokens", conceptTokens, 1, m, d);
    float scale = (float) (1.0 / Math.sqrt(d));
    String q = linear(layerNorm(tokens, a + "ln_q"), scaled(a + "q_proj", scale)); // (1, M, D)
    String k = linear(layerNorm(features, a + "ln_k"), load(a + "k_proj")); // (B, P, D)
    String v = linear(layerNorm(features, a + "ln_v"), load(a + "v_proj"));
    String keysT = g.op("Transpose", List.of(k), Attribute.ints("perm", 0, 2, 1)); // (B, D, P)
    String maps =
        g.op("Softmax", List.of(g.op("MatMul", List.of(q, keysT))), Attribute.integer("axis", -1));
    String r = g.op("MatMul", List.of(maps, v)); // (B, M, D)
    String mlp =
        linear(geluErf(linear(layerNorm(r, a + "ln_z"), load(a + "mlp.fc1"))), load(a + "mlp.fc2"));
    g.output(maps, ATTENTION, -1, m, layout.patches());
    g.output(hashHead(g.op("Add", List.of(r, mlp))), CODE, -1, config.bits());
  }

  /** A bias-free 3x3 convolution (padding 1) followed by eval-mode batch norm, as one Conv. */
  private String foldedConv(String x, String prefix, int stride) {
    ModelParameter conv = parameter(prefix + ".conv.weight");
    long[] shape = conv.array().getShape().getShape(); // (out, in, 3, 3)
    float[] w = conv.values().clone();
    float[] gamma = take(prefix + ".bn.weight");
    float[] beta = take(prefix + ".bn.bias");
    float[] mean = take(prefix + ".bn.running_mean");
    float[] variance = take(prefix + ".bn.running_var");
    int out = (int) shape[0];
    int perChannel = w.length / out;
    float[] bias = new float[out];
    for (int c = 0; c < out; c++) {
      float factor = (float) (gamma[c] / Math.sqrt(variance[c] + BN_EPS));
      for (int j = 0; j < perChannel; j++) {
        w[c * perChannel + j] *= factor;
      }
      bias[c] = beta[c] - mean[c] * factor;
    }
    return g.op(
        "Conv",
        List.of(
            x,
            g.constant(prefix + ".folded_weight", w, shape),
            g.constant(prefix + ".folded_bias", bias, out)),
        Attribute.ints("kernel_shape", 3, 3),
        Attribute.ints("strides", stride, stride),
        Attribute.ints("pads", 1, 1, 1, 1));
  }

  /** Patch convolution, CLS and positions, appended concept tokens: (B, 3, S, S) -> (B, T, D). */
  private String embed(String images, float[] conceptTokens) {
    VitGeometry geo = config.geometry();
    int d = geo.width();
    int p = geo.patchSize();
    int patches = layout.patches();
    String prefix = "vision.embeddings.";
    String conv =
        g.op(
            "Conv",
            List.of(images, weight(prefix + "patch_embedding.weight")),
            Attribute.ints("kernel_shape", p, p),
            Attribute.ints("strides", p, p)); // (B, D, g, g)
    String flat =
        g.op("Reshape", List.of(conv, g.longs("patch_shape", 0, d, patches))); // (B, D, P)
    String tokens = g.op("Transpose", List.of(flat), Attribute.ints("perm", 0, 2, 1)); // (B, P, D)
    float[] positions = take(prefix + "position_embedding.weight"); // (1 + P, D)
    float[] cls = take(prefix + "class_embedding");
    float[] clsWithPosition = new float[d];
    for (int j = 0; j < d; j++) {
      clsWithPosition[j] = cls[j] + positions[layout.cls() * d + j];
    }
    float[] patchPositions =
        java.util.Arrays.copyOfRange(positions, layout.patchStart() * d, layout.conceptStart() * d);
    String placed =
        g.op("Add", List.of(tokens, g.constant("patch_positions", patchPositions, patches, d)));
    // (B, 1, 1) broadcast target for the input-independent tokens
    String batch =
        g.op(
            "Slice",
            List.of(
                g.op("Shape", List.of(images)), g.longs("batch_from", 0), g.longs("batch_to", 1)));
    String target =
        g.op("Concat", List.of(batch, g.longs("ones_2", 1, 1)), Attribute.integer("axis", 0));
    String clsTokens =
        g.op("Expand", List.of(g.constant("cls_token", clsWithPosition, 1, 1, d), target));
    String concepts =
        g.op(
            "Expand",
            List.of(g.constant("concept_tokens", conceptTokens, 1, layout.concepts(), d), target));
    // the token order of TokenLayout: [CLS, patches, concepts]
    return g.op("Concat", List.of(clsTokens, placed, concepts), Attribute.integer("axis", 1));
  }

  /**
   * One pre-LN layer with adapters (see {@code EncoderLayer}). Returns the new hidden state and the
   * attention probabilities (B, H, Tq, T); in the last layer Tq = M (the concept tokens).
   */
  private String[] layer(String h, String prefix, boolean last) {
    VitGeometry geo = config.geometry();
    int d = geo.width();
    int heads = geo.heads();
    int hd = geo.headWidth();
    float scale = (float) (1.0 / Math.sqrt(hd));
    String x = layerNorm(h, prefix + ".layer_norm1");
    String attn = prefix + ".self_attn.";
    String q;
    String k;
    String v;
    String residual = h;
    if (last) {
      String concepts = conceptTokens(x); // (B, M, D)
      q =
          splitHeads(linear(concepts, scaled(attn + "q_proj", scale)), heads, hd, 1)
              .get(0); // (B, H, M, hd)
      List<String> kv =
          splitHeads(
              linear(x, stacked(List.of(load(attn + "k_proj"), load(attn + "v_proj")))),
              heads,
              hd,
              2);
      k = kv.get(0);
      v = kv.get(1);
      residual = conceptTokens(h);
    } else {
      List<String> qkv =
          splitHeads(
              linear(
                  x,
                  stacked(
                      List.of(
                          scaled(attn + "q_proj", scale),
                          load(attn + "k_proj"),
                          load(attn + "v_proj")))),
              heads,
              hd,
              3);
      q = qkv.get(0);
      k = qkv.get(1);
      v = qkv.get(2);
    }
    String keysT =
        g.op("Transpose", List.of(k), Attribute.ints("perm", 0, 1, 3, 2)); // (B, H, hd, T)
    String probabilities =
        g.op(
            "Softmax",
            List.of(g.op("MatMul", List.of(q, keysT))),
            Attribute.integer("axis", -1)); // (B, H, Tq, T)
    String merged =
        g.op(
            "Transpose",
            List.of(g.op("MatMul", List.of(probabilities, v))),
            Attribute.ints("perm", 0, 2, 1, 3)); // (B, Tq, H, hd)
    merged =
        g.op("Reshape", List.of(merged, g.longs(prefix + ".merge_shape", 0, 0, d))); // (B, Tq, D)
    String a = linear(merged, load(attn + "out_proj"));
    String afterAttention =
        g.op(
            "Add",
            List.of(g.op("Add", List.of(residual, a)), adapter(a, prefix + ".adapter_attn")));
    String mlp =
        linear(
            quickGelu(
                linear(
                    layerNorm(afterAttention, prefix + ".layer_norm2"), load(prefix + ".mlp.fc1"))),
            load(prefix + ".mlp.fc2"));
    String out =
        g.op(
            "Add",
            List.of(
                g.op("Add", List.of(afterAttention, mlp)), adapter(mlp, prefix + ".adapter_mlp")));
    return new String[] {out, probabilities};
  }

  /** (B, T, D) -> (B, M, D): the concept-token rows. */
  private String conceptTokens(String tokens) {
    if (conceptFrom == null) {
      conceptFrom = g.longs("concept_from", layout.conceptStart());
      conceptTo = g.longs("concept_to", layout.total());
      tokenAxis = g.longs("token_axis", 1);
    }
    return g.op("Slice", List.of(tokens, conceptFrom, conceptTo, tokenAxis));
  }

  /** (B, T, parts * D) -> parts arrays (B, H, T, hd). */
  private List<String> splitHeads(String x, int heads, int hd, int parts) {
    String r =
        g.op(
            "Reshape",
            List.of(x, g.longs(x + "_heads", 0, 0, (long) parts * heads, hd))); // (B, T, nH, hd)
    String t = g.op("Transpose", List.of(r), Attribute.ints("perm", 0, 2, 1, 3)); // (B, nH, T, hd)
    return parts == 1
        ? List.of(t)
        : g.ops("Split", parts, List.of(t), Attribute.integer("axis", 1));
  }

  /** s * up(GELU_erf(down(LN(x)))) with s folded into up. */
  private String adapter(String x, String prefix) {
    float s = take(prefix + ".scale")[0];
    String hidden = geluErf(linear(layerNorm(x, prefix + ".ln"), load(prefix + ".down")));
    return linear(hidden, scaled(prefix + ".up", s));
  }

  /** z (B, M, D) -> BatchNorm1d(concat_m W_h (z_m + E_m)), (B, K). */
  private String hashHead(String z) {
    int k = config.bits();
    String withE =
        g.op(
            "Add",
            List.of(
                z,
                g.constant(
                    "hash.specificity",
                    take("hash.specificity"),
                    config.concepts(),
                    config.geometry().width())));
    String perConcept = linear(withE, load("hash.proj")); // (B, M, K/M)
    String flat = g.op("Reshape", List.of(perConcept, g.longs("code_shape", 0, k))); // (B, K)
    // the same operations as BatchNorm1d in eval mode, so rounding matches DJL closely
    float[] variance = take("hash.bn.running_var");
    float[] std = new float[k];
    for (int j = 0; j < k; j++) {
      std[j] = (float) Math.sqrt(variance[j] + BN_EPS);
    }
    String centred =
        g.op("Sub", List.of(flat, g.constant("hash.bn.mean", take("hash.bn.running_mean"), k)));
    String normalised = g.op("Div", List.of(centred, g.constant("hash.bn.std", std, k)));
    String scaled =
        g.op("Mul", List.of(normalised, g.constant("hash.bn.weight", take("hash.bn.weight"), k)));
    return g.op("Add", List.of(scaled, g.constant("hash.bn.bias", take("hash.bn.bias"), k)));
  }

  private String layerNorm(String x, String prefix) {
    int d = config.geometry().width();
    return g.op(
        "LayerNormalization",
        List.of(
            x,
            g.constant(prefix + ".weight", take(prefix + ".weight"), d),
            g.constant(prefix + ".bias", take(prefix + ".bias"), d)),
        Attribute.integer("axis", -1),
        Attribute.real("epsilon", LN_EPS));
  }

  private String geluErf(String x) {
    String erf = g.op("Erf", List.of(g.op("Div", List.of(x, sqrt2))));
    return g.op("Mul", List.of(g.op("Mul", List.of(x, g.op("Add", List.of(erf, one)))), half));
  }

  private String quickGelu(String x) {
    return g.op(
        "Mul", List.of(x, g.op("Sigmoid", List.of(g.op("Mul", List.of(x, quickGeluSlope))))));
  }

  /** y = x W^T (+ b) as MatMul with the transposed weight and Add. */
  private String linear(String x, Linear layer) {
    String w =
        g.constant(
            layer.name() + ".weight_t",
            transpose(layer.weight(), layer.out(), layer.in()),
            layer.in(),
            layer.out());
    String y = g.op("MatMul", List.of(x, w));
    return layer.bias() == null
        ? y
        : g.op("Add", List.of(y, g.constant(layer.name() + ".bias", layer.bias(), layer.out())));
  }

  /** A linear layer's tensors in PyTorch layout: weight (out, in), optional bias (out). */
  private record Linear(String name, float[] weight, float[] bias, int out, int in) {}

  private Linear load(String prefix) {
    ModelParameter w = parameter(prefix + ".weight");
    long[] shape = w.array().getShape().getShape();
    String biasName = prefix + ".bias";
    float[] bias = parameters.contains(biasName) ? take(biasName) : null;
    return new Linear(prefix, w.values(), bias, (int) shape[0], (int) shape[1]);
  }

  /** The layer with weight and bias multiplied by {@code factor}. */
  private Linear scaled(String prefix, float factor) {
    Linear l = load(prefix);
    float[] w = l.weight().clone();
    for (int i = 0; i < w.length; i++) {
      w[i] *= factor;
    }
    float[] b = null;
    if (l.bias() != null) {
      b = l.bias().clone();
      for (int i = 0; i < b.length; i++) {
        b[i] *= factor;
      }
    }
    return new Linear(prefix + "_scaled", w, b, l.out(), l.in());
  }

  /** Several layers over the same input as one, outputs concatenated in order (fused q/k/v). */
  private Linear stacked(List<Linear> layers) {
    int in = layers.get(0).in();
    int out = layers.stream().mapToInt(Linear::out).sum();
    float[] w = new float[out * in];
    float[] b = new float[out];
    int row = 0;
    StringBuilder name = new StringBuilder();
    for (Linear l : layers) {
      System.arraycopy(l.weight(), 0, w, row * in, l.out() * in);
      System.arraycopy(l.bias(), 0, b, row, l.out());
      row += l.out();
      name.append(
          name.length() == 0 ? l.name() : "+" + l.name().substring(l.name().lastIndexOf('.') + 1));
    }
    return new Linear(name.toString(), w, b, out, in);
  }

  private float[] take(String name) {
    return parameter(name).values();
  }

  private ModelParameter parameter(String name) {
    used.add(name);
    return parameters.get(name);
  }

  private String weight(String name) {
    long[] shape = parameter(name).array().getShape().getShape();
    return g.constant(name, take(name), shape);
  }

  private void checkEveryTensorUsed() {
    List<String> unused = new ArrayList<>();
    for (String net : List.of(ConceptHashNet.VISION, ConceptHashNet.LOCAL, ConceptHashNet.HASH)) {
      parameters.withPrefix(net + ".").stream()
          .map(ModelParameter::name)
          .filter(n -> !used.contains(n))
          .forEach(unused::add);
    }
    if (!unused.isEmpty()) {
      throw new IllegalStateException(
          "the ONNX writer does not use network tensors "
              + unused
              + "; the network has changed and the exporter must follow");
    }
  }

  private static float[] transpose(float[] values, int rows, int cols) {
    float[] t = new float[values.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = values[r * cols + c];
      }
    }
    return t;
  }
}
