package org.concepthash.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.concepthash.model.ConceptHashOutput;
import org.concepthash.model.FiniteDifference;
import org.concepthash.model.ParameterSet;
import org.junit.jupiter.api.Test;

/** Autograd gradients of every loss term against central finite differences (float64). */
class LossGradientCheckTest {

  private static final CosineMarginCrossEntropy PAPER = CosineMarginCrossEntropy.paper();

  @Test
  void classificationLossGradientsMatchFiniteDifferences() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray code = random(m, 1, 3, 6);
      NDArray centres = random(m, 2, 3, 6);
      NDArray oneHot = labels(m, 3, 0, 2, 1);
      FiniteDifference.check(
          List.of(code, centres),
          () -> new ClassificationLoss(PAPER).compute(inputs(m, code, centres, oneHot)),
          24);
    }
  }

  @Test
  void quantizationLossGradientsMatchFiniteDifferences() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray code = random(m, 3, 3, 6);
      NDArray centres = random(m, 4, 3, 6);
      NDArray oneHot = labels(m, 3, 2, 2, 0);
      FiniteDifference.check(
          List.of(code),
          () -> new QuantizationLoss(PAPER).compute(inputs(m, code, centres, oneHot)),
          24);
    }
  }

  @Test
  void conceptDiscriminationLossGradientsMatchFiniteDifferences() {
    try (ParameterSet params = new ParameterSet(Device.cpu(), 5, DataType.FLOAT64)) {
      ConceptDiscriminationLoss term =
          new ConceptDiscriminationLoss(params.scope("cd"), PAPER, 3, 5, 4);
      NDManager m = params.manager();
      NDArray z = random(m, 6, 2, 3, 5);
      NDArray oneHot = labels(m, 4, 3, 1);
      ConceptHashOutput out = new ConceptHashOutput(random(m, 7, 2, 4), z, random(m, 8, 2, 3, 2));
      FiniteDifference.check(
          List.of(z, params.get("cd.positions").array(), params.get("cd.weight").array()),
          () -> term.compute(new LossInputs(out, random(m, 9, 4, 4), oneHot)),
          30);
    }
  }

  @Test
  void spatialDiversityLossGradientsMatchFiniteDifferences() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray attention = random(m, 10, 2, 3, 5).abs();
      ConceptHashOutput out =
          new ConceptHashOutput(random(m, 11, 2, 4), random(m, 12, 2, 3, 2), attention);
      FiniteDifference.check(
          List.of(attention),
          () ->
              new ConceptSpatialDiversityLoss()
                  .compute(new LossInputs(out, random(m, 13, 2, 4), labels(m, 2, 0, 1))),
          30);
    }
  }

  private static LossInputs inputs(NDManager m, NDArray code, NDArray centres, NDArray oneHot) {
    long b = code.getShape().get(0);
    return new LossInputs(
        new ConceptHashOutput(code, random(m, 20, b, 1, 1), random(m, 21, b, 1, 1)),
        centres,
        oneHot);
  }

  private static NDArray labels(NDManager m, int classes, int... labels) {
    return m.create(labels)
        .toType(DataType.INT64, false)
        .oneHot(classes)
        .toType(DataType.FLOAT64, false);
  }

  private static NDArray random(NDManager m, long seed, long... shape) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] v = new double[Math.toIntExact(new Shape(shape).size())];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextDouble() * 2 - 1;
    }
    return m.create(v, new Shape(shape));
  }
}
