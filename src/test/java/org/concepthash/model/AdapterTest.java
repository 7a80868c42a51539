package org.concepthash.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class AdapterTest {

  @Test
  void adapterIsANoOpAtInitialisation() {
    try (ParameterSet params = new ParameterSet(Device.cpu(), 3);
        NDManager scope = params.manager().newSubManager()) {
      Adapter adapter = new Adapter(params.scope("a"), 16, 4);
      params.lendTo(scope);
      NDArray x = scope.randomNormal(new Shape(2, 5, 16));
      NDArray y = adapter.forward(x);
      assertEquals(new Shape(2, 5, 16), y.getShape());
      assertEquals(0f, y.abs().max().getFloat());
    }
  }

  @Test
  void encoderLayerOutputDoesNotChangeWhenInitialAdaptersAreSwitchedOff() {
    VitGeometry g = new VitGeometry(16, 4, 16, 2, 2, 32);
    try (ParameterSet params = new ParameterSet(Device.cpu(), 3);
        NDManager scope = params.manager().newSubManager()) {
      EncoderLayer layer = new EncoderLayer(params.scope("l"), g, 4);
      params.lendTo(scope);
      NDArray x = scope.randomNormal(new Shape(2, 5, 16));
      float[] atInit = layer.forward(x, false).hidden().toFloatArray();
      setScales(params, 0f);
      float[] switchedOff = layer.forward(x, false).hidden().toFloatArray();
      assertArrayEquals(switchedOff, atInit);

      // once the up-projection is non-zero the adapters do contribute
      setScales(params, 1f);
      params
          .get("l.adapter_mlp.up.weight")
          .load(
              ParameterInit.normal(0.5)
                  .sample(new Shape(16, 4), new java.util.SplittableRandom(1)));
      float[] trained = layer.forward(x, false).hidden().toFloatArray();
      assertNotEquals(0f, maxAbsDifference(trained, switchedOff));
    }
  }

  private static void setScales(ParameterSet params, float value) {
    params.get("l.adapter_attn.scale").load(new float[] {value});
    params.get("l.adapter_mlp.scale").load(new float[] {value});
  }

  private static float maxAbsDifference(float[] a, float[] b) {
    float max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
