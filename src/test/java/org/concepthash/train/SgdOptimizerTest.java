package org.concepthash.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.concepthash.model.ModelParameter;
import org.concepthash.model.ParameterInit;
import org.concepthash.model.ParameterSet;
import org.junit.jupiter.api.Test;

class SgdOptimizerTest {

  @Test
  void updatesFollowPyTorchSgdWithMomentumAndWeightDecay() {
    try (ParameterSet params = new ParameterSet(Device.cpu(), 1)) {
      ModelParameter p = params.scope("").parameter("p", new Shape(2), ParameterInit.zeros());
      p.load(new float[] {1, 2});
      SgdOptimizer sgd = new SgdOptimizer(params.manager(), params.trainable(), 0.9, 0.1, 0);
      // loss = 3 p0 + 4 p1, so grad = (3, 4) at every step
      backward(params, p);
      sgd.step(0.5); // g = (3.1, 4.2); v = g; p = (1, 2) - 0.5 g = (-0.55, -0.1)
      assertArrayEquals(new float[] {-0.55f, -0.1f}, p.values(), 1e-6f);
      backward(params, p);
      sgd.step(0.25); // g = (2.945, 3.99); v = 0.9 (3.1, 4.2) + g = (5.735, 7.77); p -= 0.25 v
      assertArrayEquals(new float[] {-1.98375f, -2.0425f}, p.values(), 1e-5f);
    }
  }

  @Test
  void gradientsAreZeroedAfterAStep() {
    try (ParameterSet params = new ParameterSet(Device.cpu(), 1)) {
      ModelParameter p = params.scope("").parameter("p", new Shape(2), ParameterInit.ones());
      SgdOptimizer sgd = new SgdOptimizer(params.manager(), params.trainable(), 0, 0, 0);
      backward(params, p);
      sgd.step(1); // p = (1, 1) - (3, 4)
      backward(params, p);
      sgd.step(1); // gradient not accumulated: p = (-2, -3) - (3, 4)
      assertArrayEquals(new float[] {-5, -7}, p.values(), 1e-6f);
    }
  }

  @Test
  void clippingScalesTheGlobalNormAndReportsTheNormBeforeClipping() {
    try (ParameterSet params = new ParameterSet(Device.cpu(), 1)) {
      ModelParameter p = params.scope("").parameter("p", new Shape(2), ParameterInit.zeros());
      SgdOptimizer sgd = new SgdOptimizer(params.manager(), params.trainable(), 0, 0, 1.0);
      backward(params, p);
      assertEquals(5.0, sgd.step(1), 1e-6); // |(3, 4)| = 5, clipped to 1: step (0.6, 0.8)
      assertArrayEquals(new float[] {-0.6f, -0.8f}, p.values(), 1e-5f);
    }
  }

  @Test
  void frozenParametersAreNotUpdatedAndMomentumSurvivesARestore() {
    try (ParameterSet params = new ParameterSet(Device.cpu(), 1)) {
      ModelParameter p = params.scope("").parameter("p", new Shape(2), ParameterInit.zeros());
      ModelParameter frozen =
          params.scope("").parameter("frozen", new Shape(3), ParameterInit.ones());
      frozen.setTrainable(false);
      SgdOptimizer first = new SgdOptimizer(params.manager(), params.trainable(), 0.9, 0.5, 0);
      backward(params, p);
      first.step(0.1);
      assertArrayEquals(new float[] {1, 1, 1}, frozen.values());
      Map<String, float[]> saved = Map.of("p", first.state().get("p").toFloatArray());

      SgdOptimizer resumed = new SgdOptimizer(params.manager(), params.trainable(), 0.9, 0.5, 0);
      resumed.restore(saved);
      backward(params, p);
      resumed.step(0.1);
      // v = 0.9 (3, 4) + (3, 4) + 0.5 p with p = (-0.3, -0.4) after the first step
      float[] expected = {
        -0.3f - 0.1f * (0.9f * 3 + 3 - 0.15f), -0.4f - 0.1f * (0.9f * 4 + 4 - 0.2f)
      };
      assertArrayEquals(expected, p.values(), 1e-5f);
    }
  }

  private static void backward(ParameterSet params, ModelParameter p) {
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray weights = params.manager().create(new float[] {3, 4});
      collector.backward(p.array().mul(weights).sum());
    }
  }
}
