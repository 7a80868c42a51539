package org.concepthash.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.concepthash.model.CentreSource;
import org.concepthash.train.Recipe;
import org.concepthash.train.RecipeReader;
import org.junit.jupiter.api.Test;

class RecipeEditTest {

  @Test
  void eachEditChangesOneThingOfTheShippedRecipe() throws Exception {
    Recipe base = RecipeReader.read(ReproPlan.PARTS_RECIPE);

    Recipe noCsd = RecipeEdit.withoutCsd().apply(base);
    assertEquals(0, noCsd.loss().csd());
    assertEquals(base.loss().cd(), noCsd.loss().cd());
    assertEquals(base.model(), noCsd.model());

    Recipe random = RecipeEdit.centres(CentreSource.RANDOM).apply(base);
    assertEquals(CentreSource.RANDOM, random.centres().source());
    assertEquals(base.loss(), random.loss());

    Recipe shorter = RecipeEdit.epochs(15).then(RecipeEdit.bits(64)).apply(base);
    assertEquals(15, shorter.schedule().epochs());
    assertEquals(
        Math.max(1, base.schedule().warmupEpochs() * 15 / base.schedule().epochs()),
        shorter.schedule().warmupEpochs());
    assertEquals(Math.min(base.evaluateEvery(), 15), shorter.evaluateEvery());
    assertEquals(64, shorter.model().bits());
    assertEquals(base.model().concepts(), shorter.model().concepts());
    assertEquals(3, RecipeEdit.seed(3).apply(base).seed());
  }
}
