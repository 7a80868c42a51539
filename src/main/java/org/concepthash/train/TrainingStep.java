package org.concepthash.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One optimisation step on one batch: forward in training mode, every loss term, backward, SGD
 * update. All per-step arrays live in a sub-manager closed at the end of the step. The {@link
 * Trainer} runs it for every batch; {@code bench train} times it.
 */
public final class TrainingStep {

  /**
   * What one step reports: the weighted total, each term, the global gradient norm before clipping.
   */
  public record Result(float total, Map<String, Float> terms, double norm) {}

  private final TrainingSetup setup;
  private final SgdOptimizer optimizer;
  private final int classes;
  private final int imageSize;

  public TrainingStep(TrainingSetup setup, SgdOptimizer optimizer, int classes) {
    this.setup = setup;
    this.optimizer = optimizer;
    this.classes = classes;
    this.imageSize = setup.net().config().geometry().imageSize();
  }

  /**
   * Trains on {@code labels.length} normalised images, (B, 3, S, S) CHW in {@code input}.
   *
   * @param where names the step in the error raised when the loss is not finite (no update happens
   *     then)
   */
  public Result run(float[] input, int[] labels, double lr, Supplier<String> where) {
    int s = imageSize;
    try (NDManager scope = setup.parameters().manager().newSubManager()) {
      setup.parameters().lendTo(scope);
      NDArray images = scope.create(input, new Shape(labels.length, 3, s, s));
      NDArray oneHot = scope.create(labels).toType(DataType.INT64, false).oneHot(classes);
      LossBreakdown loss;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        loss =
            setup
                .loss()
                .compute(
                    new LossInputs(
                        setup.net().forward(images, true), setup.centres().centres(), oneHot));
        collector.backward(loss.total());
      }
      float total = loss.total().getFloat();
      if (!Float.isFinite(total)) {
        throw new IllegalStateException(
            "loss became "
                + total
                + " in "
                + where.get()
                + " (terms "
                + loss.terms()
                + "); lower optimizer.lr or set optimizer.clipNorm");
      }
      double norm = optimizer.step(lr);
      return new Result(total, loss.terms(), norm);
    }
  }
}
