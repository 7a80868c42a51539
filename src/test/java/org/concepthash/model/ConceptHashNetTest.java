package org.concepthash.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConceptHashNetTest {

  @ParameterizedTest
  @EnumSource(ConceptTokenMode.class)
  void forwardOutputsHaveTheDocumentedShapesAndAreFinite(ConceptTokenMode mode) {
    ConceptHashConfig config = TestNets.micro(mode);
    try (ParameterSet params = new ParameterSet(Device.cpu(), 1);
        NDManager scope = params.manager().newSubManager()) {
      ConceptHashNet net = new ConceptHashNet(params, config);
      params.lendTo(scope);
      ConceptHashOutput out = net.forward(TestNets.images(scope, 3, 16, 7), true);
      assertEquals(new Shape(3, 8), out.code().getShape());
      assertEquals(new Shape(3, 2, 16), out.conceptFeatures().getShape());
      assertEquals(new Shape(3, 2, 16), out.attention().getShape());
      for (NDArray a : List.of(out.code(), out.conceptFeatures(), out.attention())) {
        for (float v : a.toFloatArray()) {
          assertTrue(Float.isFinite(v));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ConceptTokenMode.class)
  void everyTrainableParameterReceivesAGradient(ConceptTokenMode mode) {
    ConceptHashConfig config = TestNets.micro(mode);
    try (ParameterSet params = new ParameterSet(Device.cpu(), 2);
        NDManager scope = params.manager().newSubManager()) {
      ConceptHashNet net = new ConceptHashNet(params, config);
      params.lendTo(scope);
      // adapters' up-projections start at zero, which blocks the gradient to everything inside the
      // adapter
      // only through their down path; a random up weight makes every parameter reachable for this
      // check
      for (ModelParameter p : params.withPrefix("vision.layers")) {
        if (p.name().contains(".up.weight")) {
          p.load(
              ParameterInit.normal(0.1)
                  .sample(p.array().getShape(), new java.util.SplittableRandom(3)));
        }
      }
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        ConceptHashOutput out = net.forward(TestNets.images(scope, 4, 16, 8), true);
        NDArray loss =
            out.code()
                .square()
                .sum()
                .add(out.attention().mul(out.attention()).sum())
                .add(out.conceptFeatures().square().sum());
        collector.backward(loss);
      }
      List<String> without = new ArrayList<>();
      for (ModelParameter p : params.trainable()) {
        NDArray g = p.array().getGradient();
        if (g.abs().sum().getFloat() == 0f) {
          without.add(p.name());
        }
      }
      assertEquals(List.of(), without, "parameters without gradient");
    }
  }

  @ParameterizedTest
  @EnumSource(ConceptTokenMode.class)
  void sameSeedGivesIdenticalParametersAndOutputs(ConceptTokenMode mode) {
    float[] first = codeOf(mode, 5);
    assertArrayEquals(first, codeOf(mode, 5));
    assertTrue(
        !java.util.Arrays.equals(first, codeOf(mode, 6)), "another seed must give other weights");
  }

  @ParameterizedTest
  @EnumSource(ConceptTokenMode.class)
  void evalModeIsDeterministicAndIndependentOfTheBatch(ConceptTokenMode mode) {
    try (ParameterSet params = new ParameterSet(Device.cpu(), 4);
        NDManager scope = params.manager().newSubManager()) {
      ConceptHashNet net = new ConceptHashNet(params, TestNets.micro(mode));
      params.lendTo(scope);
      NDArray images = TestNets.images(scope, 3, 16, 9);
      float[] all = net.forward(images, false).code().toFloatArray();
      float[] single = net.forward(images.get("1:2"), false).code().toFloatArray();
      for (int i = 0; i < 8; i++) {
        assertEquals(all[8 + i], single[i], 1e-5f);
      }
    }
  }

  private static float[] codeOf(ConceptTokenMode mode, long seed) {
    try (ParameterSet params = new ParameterSet(Device.cpu(), seed);
        NDManager scope = params.manager().newSubManager()) {
      ConceptHashNet net = new ConceptHashNet(params, TestNets.micro(mode));
      params.lendTo(scope);
      return net.forward(TestNets.images(scope, 2, 16, 1), false).code().toFloatArray();
    }
  }
}
