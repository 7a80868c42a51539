package org.concepthash.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.concepthash.model.SafetensorsFile.DType;
import org.concepthash.model.SafetensorsFile.Tensor;

/** Tiny files in the Hugging Face CLIP safetensors layout, written by the tests themselves. */
public final class ClipFixtures {

  private ClipFixtures() {}

  /** Tensors named and shaped as a Hugging Face CLIP checkpoint of geometry g, dtypes rotating. */
  public static Map<String, Tensor> clipLayout(VitGeometry g) {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    int d = g.width();
    String v = "vision_model.";
    shapes.put(v + "embeddings.class_embedding", new long[] {d});
    shapes.put(
        v + "embeddings.patch_embedding.weight", new long[] {d, 3, g.patchSize(), g.patchSize()});
    shapes.put(v + "embeddings.position_embedding.weight", new long[] {g.patchCount() + 1, d});
    shapes.put(v + "pre_layrnorm.weight", new long[] {d});
    shapes.put(v + "pre_layrnorm.bias", new long[] {d});
    for (int i = 0; i < g.layers(); i++) {
      String l = v + "encoder.layers." + i + ".";
      for (String proj : new String[] {"q_proj", "k_proj", "v_proj", "out_proj"}) {
        shapes.put(l + "self_attn." + proj + ".weight", new long[] {d, d});
        shapes.put(l + "self_attn." + proj + ".bias", new long[] {d});
      }
      shapes.put(l + "layer_norm1.weight", new long[] {d});
      shapes.put(l + "layer_norm1.bias", new long[] {d});
      shapes.put(l + "mlp.fc1.weight", new long[] {g.mlpWidth(), d});
      shapes.put(l + "mlp.fc1.bias", new long[] {g.mlpWidth()});
      shapes.put(l + "mlp.fc2.weight", new long[] {d, g.mlpWidth()});
      shapes.put(l + "mlp.fc2.bias", new long[] {d});
      shapes.put(l + "layer_norm2.weight", new long[] {d});
      shapes.put(l + "layer_norm2.bias", new long[] {d});
    }
    shapes.put(v + "post_layernorm.weight", new long[] {d});
    shapes.put("visual_projection.weight", new long[] {8, d});
    shapes.put("text_model.embeddings.token_embedding.weight", new long[] {10, 8});
    shapes.put("text_projection.weight", new long[] {8, 8});
    shapes.put("logit_scale", new long[] {});
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    DType[] dtypes = {DType.F32, DType.F16, DType.BF16};
    SplittableRandom random = new SplittableRandom(99);
    int k = 0;
    for (Map.Entry<String, long[]> e : shapes.entrySet()) {
      long n = 1;
      for (long s : e.getValue()) {
        n *= s;
      }
      float[] values = new float[(int) n];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) (random.nextDouble() * 2 - 1);
      }
      tensors.put(e.getKey(), new Tensor(e.getValue(), values, dtypes[k++ % dtypes.length]));
    }
    return tensors;
  }
}
