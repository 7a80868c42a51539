package org.concepthash.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.concepthash.train.Recipe;
import org.concepthash.train.RecipeReader;
import org.junit.jupiter.api.Test;

/**
 * Recipes for jobs: the shipped file with the UI's code length and epochs, and the request's
 * identity.
 */
class RecipeCatalogTest {

  private final RecipeCatalog catalog =
      new RecipeCatalog(
          new JobsConfig(
              List.of("parts-tiny", "cub200"),
              Duration.ofSeconds(2),
              Duration.ofSeconds(2),
              Duration.ofMinutes(1),
              20,
              0));

  @Test
  void withoutOverridesARequestTrainsTheShippedRecipe() {
    Recipe shipped = catalog.recipe("parts-tiny");
    Recipe resolved = catalog.resolve(new JobRequest("parts-tiny", null, null, true));
    assertEquals(RecipeReader.write(shipped), RecipeReader.write(resolved));
    assertEquals(60, resolved.schedule().epochs());
  }

  @Test
  void bitsAndEpochsOverrideTheRecipeWithAProportionateSchedule() {
    Recipe r = catalog.resolve(new JobRequest("parts-tiny", 64, 8, true));
    assertEquals(64, r.model().bits());
    assertEquals(4, r.model().concepts());
    assertEquals(8, r.schedule().epochs());
    assertEquals(
        2, r.schedule().warmupEpochs(), "a quarter of a shortened run, at most the recipe's 5");
    assertEquals(1, r.evaluateEvery(), "enough evaluations to chart mAP");
    // the same request resolves to the same YAML: a resumed job passes the run folder's recipe
    // check
    assertEquals(
        RecipeReader.write(r),
        RecipeReader.write(catalog.resolve(new JobRequest("parts-tiny", 64, 8, true))));
    // and the same text in every JVM (a job resumed by another process): keys in a fixed order
    String yaml = RecipeReader.write(r);
    assertTrue(yaml.indexOf("source:") < yaml.indexOf("binarise:"), yaml);
  }

  @Test
  void refusesWhatCouldNeverTrain() {
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> catalog.resolve(new JobRequest("nabirds", null, null, true)));
    assertTrue(unknown.getMessage().contains("parts-tiny, cub200"), unknown.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> catalog.resolve(new JobRequest("parts-tiny", 30, null, true)),
        "30 bits cannot be split over 4 concepts");
    IllegalArgumentException tooLong =
        assertThrows(
            IllegalArgumentException.class,
            () -> catalog.resolve(new JobRequest("parts-tiny", 512, null, true)));
    assertTrue(tooLong.getMessage().contains("bits must be in 1..256"), tooLong.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> catalog.resolve(new JobRequest("parts-tiny", 0, null, true)));
    assertThrows(IllegalArgumentException.class, () -> new JobRequest("parts-tiny", null, 0, true));
    assertThrows(IllegalArgumentException.class, () -> new JobRequest(" ", null, null, true));
  }

  @Test
  void identicalRequestsHaveIdenticalParameterText() {
    JobRequest a = new JobRequest(" parts-tiny ", 32, 10, true);
    JobRequest b = JobRequest.of("parts-tiny", a.parametersJson());
    assertEquals(a, b);
    assertEquals(a.parametersJson(), b.parametersJson());
    assertNotEquals(
        a.parametersJson(), new JobRequest("parts-tiny", 32, 11, true).parametersJson());
    assertEquals(new JobRequest("parts-tiny", null, null, true), JobRequest.of("parts-tiny", "{}"));
  }
}
