package org.concepthash.onnx;

import ai.djl.Device;
import java.util.SplittableRandom;
import org.concepthash.model.ConceptHashConfig;
import org.concepthash.model.ConceptHashNet;
import org.concepthash.model.ModelParameter;
import org.concepthash.model.ParameterSet;

/**
 * A network whose every tensor is random (adapters and batch-norm statistics included, which start
 * as no-ops), so that a parity check exercises every path of the graph.
 */
record RandomNetwork(ParameterSet parameters, ConceptHashNet net) implements AutoCloseable {

  static RandomNetwork create(ConceptHashConfig config, long seed) {
    ParameterSet parameters = new ParameterSet(Device.cpu(), seed);
    ConceptHashNet net = new ConceptHashNet(parameters, config);
    SplittableRandom random = new SplittableRandom(seed);
    for (ModelParameter p : parameters.all()) {
      float[] v = p.values();
      double std = p.name().endsWith("running_var") ? 0 : 1 / Math.sqrt(Math.max(1, lastDim(p)));
      for (int i = 0; i < v.length; i++) {
        v[i] =
            p.name().endsWith("running_var")
                ? (float) (0.5 + random.nextDouble())
                : (float) (v[i] * 0.5 + random.nextGaussian() * std);
      }
      p.load(v);
    }
    return new RandomNetwork(parameters, net);
  }

  private static long lastDim(ModelParameter p) {
    long[] shape = p.array().getShape().getShape();
    return shape.length < 2 ? 1 : shape[shape.length - 1];
  }

  @Override
  public void close() {
    parameters.close();
  }
}
