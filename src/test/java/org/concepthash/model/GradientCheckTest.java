package org.concepthash.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Finite-difference checks of the custom blocks, in float64. */
class GradientCheckTest {

  @Test
  void attentionGradientsMatchFiniteDifferences() {
    try (ParameterSet params = new ParameterSet(Device.cpu(), 11, DataType.FLOAT64)) {
      MultiHeadAttention attention =
          new MultiHeadAttention(params.scope("attn"), 8, 2, 0.5, 0.5, 0f);
      NDManager m = params.manager();
      NDArray x = random(m, new Shape(2, 5, 8), 1);
      NDArray outWeights = random(m, new Shape(2, 5, 8), 2);
      NDArray probWeights = random(m, new Shape(2, 2, 5, 5), 3);
      List<NDArray> inputs = new ArrayList<>(List.of(x));
      params.all().forEach(p -> inputs.add(p.array()));
      FiniteDifference.check(
          inputs,
          () -> {
            AttentionOutput out = attention.forward(x, false);
            return out.output()
                .mul(outWeights)
                .sum()
                .add(out.probabilities().mul(probWeights).sum());
          },
          12);
    }
  }

  @Test
  void adapterGradientsMatchFiniteDifferences() {
    try (ParameterSet params = new ParameterSet(Device.cpu(), 12, DataType.FLOAT64)) {
      Adapter adapter = new Adapter(params.scope("adapter"), 8, 3);
      NDManager m = params.manager();
      // a non-zero up-projection, otherwise most of the adapter's gradients are exactly zero
      params.get("adapter.up.weight").array().set(random(m, new Shape(8, 3), 4).toDoubleArray());
      NDArray x = random(m, new Shape(2, 4, 8), 5);
      NDArray weights = random(m, new Shape(2, 4, 8), 6);
      List<NDArray> inputs = new ArrayList<>(List.of(x));
      params.all().forEach(p -> inputs.add(p.array()));
      FiniteDifference.check(inputs, () -> adapter.forward(x).mul(weights).sum(), 12);
    }
  }

  @ParameterizedTest
  @EnumSource(ConceptAttention.class)
  void wholeNetworkGradientsMatchFiniteDifferences(ConceptAttention attention) {
    ConceptHashConfig config =
        new ConceptHashConfig(
            new VitGeometry(8, 4, 8, 1, 2, 16),
            2,
            4,
            ConceptTokenMode.GENERATED,
            attention,
            3,
            8,
            2,
            0f);
    try (ParameterSet params = new ParameterSet(Device.cpu(), 13, DataType.FLOAT64)) {
      ConceptHashNet net = new ConceptHashNet(params, config);
      NDManager m = params.manager();
      for (ModelParameter p : params.all()) {
        if (p.name().endsWith(".up.weight")) {
          p.array().set(random(m, p.array().getShape(), p.name().hashCode()).toDoubleArray());
        }
      }
      NDArray images = random(m, new Shape(3, 3, 8, 8), 7);
      NDArray codeWeights = random(m, new Shape(3, 4), 8);
      NDArray attentionWeights = random(m, new Shape(3, 2, 4), 9);
      List<NDArray> inputs = new ArrayList<>();
      params.trainable().forEach(p -> inputs.add(p.array()));
      FiniteDifference.check(
          inputs,
          () -> {
            ConceptHashOutput out = net.forward(images, true);
            return out.code()
                .mul(codeWeights)
                .sum()
                .add(out.attention().mul(attentionWeights).sum());
          },
          2);
    }
  }

  static NDArray random(NDManager manager, Shape shape, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] v = new double[Math.toIntExact(shape.size())];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextDouble() * 2 - 1;
    }
    return manager.create(v, shape);
  }
}
