package org.concepthash.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.ArrayList;
import java.util.List;

/**
 * Local patch features for {@link ConceptAttention#LOCAL}: a small convolutional stem, 3x3
 * convolutions each followed by batch norm and ReLU: one at stride 1 (32 channels), then log2(p) at
 * stride 2 (channels doubling up to the width D), so the output grid equals the ViT patch grid
 * (S/p)^2. Its receptive field (about 2p + 1 pixels) covers a part, not the object: a feature says
 * what is here, not what the object is.
 *
 * <p>Shapes: input (B, 3, S, S), output (B, P, D). Tensors per stage i: {@code i.conv.weight}
 * (C_out, C_in, 3, 3), {@code i.bn.*} (C_out).
 */
public final class LocalPatchFeatures {

  private static final int FIRST_CHANNELS = 32;

  private final List<Stage> stages = new ArrayList<>();
  private final VitGeometry geometry;

  private record Stage(ModelParameter weight, BatchNorm norm, int stride) {}

  public LocalPatchFeatures(ParameterScope scope, VitGeometry g) {
    this.geometry = g;
    int halvings =
        stagesFor(g) - 1; // ConceptHashConfig checked that the patch size is a power of two
    int in = 3;
    int out = Math.min(FIRST_CHANNELS, g.width());
    stages.add(stage(scope.child("0"), in, out, stride(0)));
    for (int i = 1; i <= halvings; i++) {
      in = out;
      out = i == halvings ? g.width() : Math.min(FIRST_CHANNELS << i, g.width());
      stages.add(stage(scope.child(Integer.toString(i)), in, out, stride(i)));
    }
  }

  private static Stage stage(ParameterScope scope, int in, int out, int stride) {
    ModelParameter weight =
        scope.parameter(
            "conv.weight", new Shape(out, in, 3, 3), ParameterInit.pytorchDefault(9L * in));
    return new Stage(weight, new BatchNorm(scope.child("bn"), out), stride);
  }

  /** Number of stages for geometry {@code g}. */
  public static int stagesFor(VitGeometry g) {
    return 1 + Integer.numberOfTrailingZeros(g.patchSize());
  }

  /**
   * Stride of stage {@code i}: 1 for the first, 2 for the others (the ONNX writer follows the
   * same).
   */
  public static int stride(int i) {
    return i == 0 ? 1 : 2;
  }

  public NDArray forward(NDArray images, boolean training) {
    NDArray x = images;
    for (Stage s : stages) {
      x =
          Conv2d.conv2d(
                  x, s.weight().array(), null, new Shape(s.stride(), s.stride()), new Shape(1, 1))
              .head();
      x = Activation.RELU.apply(s.norm().forward(x, training));
    }
    long b = images.getShape().get(0);
    return x.reshape(b, geometry.width(), geometry.patchCount()).transpose(0, 2, 1); // (B, P, D)
  }
}
