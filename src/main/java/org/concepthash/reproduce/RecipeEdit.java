package org.concepthash.reproduce;

import java.util.function.UnaryOperator;
import org.concepthash.model.CentreSource;
import org.concepthash.train.Recipe;

/**
 * One change to a recipe that a reproduction configuration makes, everything else kept: the paper's
 * ablations are single-factor changes of the shipped recipe.
 */
@FunctionalInterface
interface RecipeEdit extends UnaryOperator<Recipe> {

  RecipeEdit NONE = r -> r;

  static RecipeEdit centres(CentreSource source) {
    return r ->
        copy(r, r.model(), new Recipe.Centres(source, r.centres().binarise()), r.loss(), r.seed());
  }

  /** Loss weights for L_clf, L_quan, L_cd, L_csd (0 switches a term off). */
  static RecipeEdit losses(double clf, double quan, double cd, double csd) {
    return r ->
        copy(
            r,
            r.model(),
            r.centres(),
            new Recipe.Loss(clf, quan, cd, csd, r.loss().temperature(), r.loss().margin()),
            r.seed());
  }

  /** Switches L_csd off, the other weights as the recipe has them. */
  static RecipeEdit withoutCsd() {
    return r -> losses(r.loss().clf(), r.loss().quan(), r.loss().cd(), 0).apply(r);
  }

  static RecipeEdit withoutCd() {
    return r -> losses(r.loss().clf(), r.loss().quan(), 0, r.loss().csd()).apply(r);
  }

  static RecipeEdit withoutQuan() {
    return r -> losses(r.loss().clf(), 0, r.loss().cd(), r.loss().csd()).apply(r);
  }

  static RecipeEdit bits(int k) {
    return r -> copy(r, r.model().withBits(k), r.centres(), r.loss(), r.seed());
  }

  /** The training seed (initialisation, shuffling, augmentation, dropout). */
  static RecipeEdit seed(long seed) {
    return r -> copy(r, r.model(), r.centres(), r.loss(), seed);
  }

  /** Fewer epochs for a sized-down run; warm-up and evaluation scaled to fit. */
  static RecipeEdit epochs(int epochs) {
    return r ->
        new Recipe(
            r.name(),
            r.data(),
            r.model(),
            r.pretrained(),
            r.centres(),
            r.loss(),
            r.optimizer(),
            new Recipe.Schedule(
                epochs,
                Math.min(
                    r.schedule().warmupEpochs(),
                    Math.max(1, r.schedule().warmupEpochs() * epochs / r.schedule().epochs()))),
            r.augmentation(),
            r.batchSize(),
            Math.min(r.evaluateEvery(), epochs),
            r.keepCheckpoints(),
            r.seed());
  }

  default RecipeEdit then(RecipeEdit next) {
    return r -> next.apply(apply(r));
  }

  private static Recipe copy(
      Recipe r,
      org.concepthash.model.ConceptHashConfig model,
      Recipe.Centres centres,
      Recipe.Loss loss,
      long seed) {
    return new Recipe(
        r.name(),
        r.data(),
        model,
        r.pretrained(),
        centres,
        loss,
        r.optimizer(),
        r.schedule(),
        r.augmentation(),
        r.batchSize(),
        r.evaluateEvery(),
        r.keepCheckpoints(),
        seed);
  }
}
