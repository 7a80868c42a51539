package org.concepthash.train;

import java.nio.file.Path;
import java.util.Optional;
import org.concepthash.model.CentreSource;
import org.concepthash.model.ConceptAttention;
import org.concepthash.model.ConceptHashConfig;

/**
 * A training recipe (training/recipes/*.yaml), validated when built. Defaults are the reference
 * settings of the method spec section 4; {@link RecipeReader} documents the YAML keys.
 *
 * @param name recipe name, recorded in the run
 * @param data data set settings
 * @param model the network's shapes
 * @param pretrained a Hugging Face CLIP {@code model.safetensors} to import and freeze; empty =
 *     train the backbone from scratch
 * @param centres class-centre settings
 * @param loss loss weights and logit settings
 * @param optimizer SGD settings
 * @param schedule epochs and warm-up
 * @param augmentation training augmentation switches
 * @param batchSize images per step (incomplete last batches are dropped)
 * @param evaluateEvery validation every N epochs (and always after the last)
 * @param keepCheckpoints how many of the most recent epoch checkpoints to keep (the best is always
 *     kept)
 * @param seed drives initialisation, shuffling, augmentation and dropout
 */
public record Recipe(
    String name,
    Data data,
    ConceptHashConfig model,
    Optional<Path> pretrained,
    Centres centres,
    Loss loss,
    Optimizer optimizer,
    Schedule schedule,
    Augmentation augmentation,
    int batchSize,
    int evaluateEvery,
    int keepCheckpoints,
    long seed) {

  /**
   * @param format reader format name, or empty to detect it
   * @param validationFraction share of each class's training images held out for model selection
   */
  public record Data(Optional<String> format, double validationFraction) {
    public Data {
      if (!(validationFraction >= 0 && validationFraction < 1)) {
        throw new IllegalArgumentException(
            "data.validationFraction must be in [0, 1), was " + validationFraction);
      }
    }
  }

  /**
   * @param binarise use sign(e_c) before the projection (reference) instead of e_c (paper text)
   */
  public record Centres(CentreSource source, boolean binarise) {}

  /** Loss weights (0 switches a term off) and the logit settings of Eq. 6-8. */
  public record Loss(
      double clf, double quan, double cd, double csd, double temperature, double margin) {

    public CosineMarginCrossEntropy criterion() {
      return new CosineMarginCrossEntropy(temperature, margin);
    }

    public Loss {
      new CosineMarginCrossEntropy(temperature, margin); // validates temperature and margin
      if (clf < 0 || quan < 0 || cd < 0 || csd < 0) {
        throw new IllegalArgumentException("loss weights must be >= 0");
      }
      if (clf + quan + cd + csd == 0) {
        throw new IllegalArgumentException("at least one loss weight must be positive");
      }
    }
  }

  /**
   * @param clipNorm global gradient-norm clip, 0 = off
   */
  public record Optimizer(double lr, double momentum, double weightDecay, double clipNorm) {
    public Optimizer {
      if (!(lr > 0)) {
        throw new IllegalArgumentException("optimizer.lr must be positive, was " + lr);
      }
      if (!(momentum >= 0 && momentum < 1)) {
        throw new IllegalArgumentException("optimizer.momentum must be in [0, 1), was " + momentum);
      }
      if (!(weightDecay >= 0) || !(clipNorm >= 0)) {
        throw new IllegalArgumentException(
            "optimizer.weightDecay and optimizer.clipNorm must be >= 0");
      }
    }
  }

  public record Schedule(int epochs, int warmupEpochs) {
    public Schedule {
      if (epochs <= 0) {
        throw new IllegalArgumentException("schedule.epochs must be positive, was " + epochs);
      }
      if (warmupEpochs < 0 || warmupEpochs > epochs) {
        throw new IllegalArgumentException(
            "schedule.warmupEpochs must be in [0, epochs], was " + warmupEpochs);
      }
    }
  }

  public record Augmentation(boolean flip, boolean trivialAugment) {}

  public Recipe {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is required");
    }
    if (batchSize < 2) {
      throw new IllegalArgumentException(
          "batchSize must be at least 2 (batch norm), was " + batchSize);
    }
    if (evaluateEvery <= 0) {
      throw new IllegalArgumentException("evaluation.every must be positive, was " + evaluateEvery);
    }
    if (keepCheckpoints <= 0) {
      throw new IllegalArgumentException(
          "checkpoints.keep must be positive, was " + keepCheckpoints);
    }
    if (pretrained.isPresent() && model.conceptAttention() == ConceptAttention.LOCAL) {
      throw new IllegalArgumentException(
          "model.pretrained loads a CLIP tower, which model.conceptAttention: local "
              + "does not use; drop one of the two");
    }
  }
}
