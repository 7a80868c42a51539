package org.concepthash.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.concepthash.model.ConceptHashOutput;
import org.concepthash.model.ParameterSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each loss term against values worked out by hand on tiny tensors (tau = 1/8, margin 0.2). */
class LossTermsTest {

  private static final CosineMarginCrossEntropy PAPER = CosineMarginCrossEntropy.paper();
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager(Device.cpu());
  }

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void classificationLossMatchesTheHandComputedCrossEntropy() {
    // code (2 samples, K = 2) against centres e1, e2; sample 0 has class 0, sample 1 class 1.
    // sample 0: code (3, 0) -> cos = (1, 0); logits = 8 * (1 - 0.2, 0) = (6.4, 0); CE = log(1 +
    // e^-6.4)
    // sample 1: code (1, 0) -> cos = (1, 0); logits = 8 * (1, 0 - 0.2) = (8, -1.6); CE = log(1 +
    // e^9.6)
    NDArray code = array(new float[] {3, 0, 1, 0}, 2, 2);
    NDArray centres = array(new float[] {1, 0, 0, 1}, 2, 2);
    double expected = (Math.log1p(Math.exp(-6.4)) + Math.log1p(Math.exp(9.6))) / 2;
    float loss =
        new ClassificationLoss(PAPER).compute(inputs(code, centres, oneHot(0, 1))).getFloat();
    assertEquals(expected, loss, 1e-5);
  }

  @Test
  void quantizationLossUsesTheSignOfTheCentresAndSendsThemNoGradient() {
    // sign(centres) = ((1, -1), (-1, 1)); code (2, -2) -> cos = (1, -1); class 0:
    // logits = 8 * (1 - 0.2, -1) = (6.4, -8); CE = log(1 + e^-14.4)
    NDArray code = array(new float[] {2, -2}, 1, 2);
    NDArray centres = array(new float[] {0.5f, -2f, -1f, 0.1f}, 2, 2);
    centres.setRequiresGradient(true);
    code.setRequiresGradient(true);
    NDArray loss;
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      loss = new QuantizationLoss(PAPER).compute(inputs(code, centres, oneHot(0)));
      collector.backward(loss);
    }
    assertEquals(Math.log1p(Math.exp(-14.4)), loss.getFloat(), 1e-6);
    assertEquals(0f, centres.getGradient().abs().sum().getFloat());
  }

  @Test
  void conceptDiscriminationLossAppliesTheMarginToEveryConcept() {
    try (ParameterSet params = new ParameterSet(Device.cpu(), 1)) {
      ConceptDiscriminationLoss term =
          new ConceptDiscriminationLoss(params.scope("cd"), PAPER, 2, 2, 2);
      params.get("cd.positions").load(new float[] {0, 0, 0, 0});
      params.get("cd.weight").load(new float[] {1, 0, 0, 1});
      // one sample of class 0; concept 0 at (1, 0), concept 1 at (0, 1)
      // concept 0: cos = (1, 0) -> logits (6.4, 0) -> CE = log(1 + e^-6.4)
      // concept 1: cos = (0, 1) -> logits (8 * -0.2, 8) = (-1.6, 8) -> CE = log(1 + e^9.6)
      // (with the reference's concept-0-only margin concept 1 would give log(1 + e^8) instead)
      NDArray z = array(new float[] {1, 0, 0, 1}, 1, 2, 2);
      ConceptHashOutput out =
          new ConceptHashOutput(array(new float[] {1, 1}, 1, 2), z, array(new float[2], 1, 2, 1));
      float loss =
          term.compute(new LossInputs(out, array(new float[] {1, 0, 0, 1}, 2, 2), oneHot(0)))
              .getFloat();
      assertEquals((Math.log1p(Math.exp(-6.4)) + Math.log1p(Math.exp(9.6))) / 2, loss, 1e-4);
    }
  }

  @Test
  void conceptDiscriminationLossAddsTheConceptEmbedding() {
    try (ParameterSet params = new ParameterSet(Device.cpu(), 1)) {
      ConceptDiscriminationLoss term =
          new ConceptDiscriminationLoss(params.scope("cd"), PAPER, 1, 2, 2);
      // z = (1, -1) + P = (0, 2) gives (1, 1): cos with e1, e2 = (0.7071, 0.7071); class 1:
      // logits = 8 * (0.7071, 0.7071 - 0.2) -> CE = log(1 + e^(8 * 0.2)) = log(1 + e^1.6)
      params.get("cd.positions").load(new float[] {0, 2});
      params.get("cd.weight").load(new float[] {1, 0, 0, 1});
      NDArray z = array(new float[] {1, -1}, 1, 1, 2);
      ConceptHashOutput out =
          new ConceptHashOutput(array(new float[] {1, 1}, 1, 2), z, array(new float[1], 1, 1, 1));
      float loss =
          term.compute(new LossInputs(out, array(new float[] {1, 0, 0, 1}, 2, 2), oneHot(1)))
              .getFloat();
      assertEquals(Math.log1p(Math.exp(1.6)), loss, 1e-5);
    }
  }

  @Test
  void spatialDiversityLossAveragesPairwiseCosinesOverPairsAndBatch() {
    // sample 0: rows (1,0,0,0), (0,1,0,0), (1,1,0,0): pair cosines 0, 1/sqrt2, 1/sqrt2
    // sample 1: three identical rows: every pair cosine 1
    // per pair batch means: 0.5, (1/sqrt2 + 1)/2 twice; mean over the 3 pairs
    NDArray attention =
        array(
            new float[] {
              1, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0.2f, 0.3f, 0, 0.5f, 0.2f, 0.3f, 0, 0.5f, 0.2f,
              0.3f, 0, 0.5f
            },
            2,
            3,
            4);
    double r = 1 / Math.sqrt(2);
    double expected = (0.5 + (r + 1) / 2 + (r + 1) / 2) / 3;
    ConceptHashOutput out =
        new ConceptHashOutput(array(new float[6], 2, 3), array(new float[6], 2, 3, 1), attention);
    float loss =
        new ConceptSpatialDiversityLoss()
            .compute(new LossInputs(out, array(new float[3], 1, 3), oneHot(0, 0)))
            .getFloat();
    assertEquals(expected, loss, 1e-6);
  }

  @Test
  void compositeLossWeighsTermsAndSkipsZeroWeights() {
    NDArray code = array(new float[] {3, 0, 1, 0}, 2, 2);
    NDArray centres = array(new float[] {1, 0, 0, 1}, 2, 2);
    LossInputs in = inputs(code, centres, oneHot(0, 1));
    CompositeLoss loss =
        new CompositeLoss(
            java.util.List.of(
                new CompositeLoss.Weighted(new ClassificationLoss(PAPER), 1.0),
                new CompositeLoss.Weighted(new QuantizationLoss(PAPER), 0.5),
                new CompositeLoss.Weighted(new ConceptSpatialDiversityLoss(), 0.0)));
    LossBreakdown result = loss.compute(in);
    float clf = new ClassificationLoss(PAPER).compute(in).getFloat();
    float quan = new QuantizationLoss(PAPER).compute(in).getFloat();
    assertEquals(clf + 0.5f * quan, result.total().getFloat(), 1e-5);
    assertEquals(java.util.Set.of("clf", "quan"), result.terms().keySet());
  }

  private LossInputs inputs(NDArray code, NDArray centres, NDArray oneHot) {
    long b = code.getShape().get(0);
    ConceptHashOutput out =
        new ConceptHashOutput(
            code, array(new float[(int) b], b, 1, 1), array(new float[(int) b], b, 1, 1));
    return new LossInputs(out, centres, oneHot);
  }

  private NDArray oneHot(int... labels) {
    return manager.create(labels).toType(DataType.INT64, false).oneHot(2);
  }

  private NDArray array(float[] values, long... shape) {
    return manager.create(values, new Shape(shape));
  }
}
