package org.concepthash.jobs;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.concepthash.model.ConceptHashConfig;
import org.concepthash.train.Recipe;
import org.concepthash.train.RecipeReader;

/** The recipes a job may use: the shipped ones on the class path ({@code recipes/NAME.yaml}). */
@Singleton
public class RecipeCatalog {

  private final List<String> names;

  RecipeCatalog(JobsConfig config) {
    this.names = List.copyOf(config.recipes());
  }

  public List<String> names() {
    return names;
  }

  /** The recipe as shipped. */
  public Recipe recipe(String name) {
    if (!names.contains(name)) {
      throw new IllegalArgumentException(
          "unknown recipe '" + name + "'; known: " + String.join(", ", names));
    }
    try (InputStream in = RecipeCatalog.class.getResourceAsStream("/recipes/" + name + ".yaml")) {
      if (in == null) {
        throw new IllegalArgumentException("recipe '" + name + "' is not on the class path");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return RecipeReader.parse(reader, "recipes/" + name + ".yaml");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The recipe a request trains: the shipped one with the request's code length and epochs.
   *
   * @throws IllegalArgumentException for an unknown recipe or bits the recipe's concepts cannot
   *     share
   */
  public Recipe resolve(JobRequest request) {
    Recipe r = recipe(request.recipe());
    ConceptHashConfig m = r.model();
    ConceptHashConfig model = request.bits() == null ? m : m.withBits(request.bits());
    if (request.epochs() == null) {
      return new Recipe(
          r.name(),
          r.data(),
          model,
          r.pretrained(),
          r.centres(),
          r.loss(),
          r.optimizer(),
          r.schedule(),
          r.augmentation(),
          r.batchSize(),
          r.evaluateEvery(),
          r.keepCheckpoints(),
          r.seed());
    }
    int epochs = request.epochs();
    // a shortened run keeps a proportionate warm-up and enough evaluations to chart mAP
    Recipe.Schedule schedule =
        new Recipe.Schedule(epochs, Math.min(r.schedule().warmupEpochs(), epochs / 4));
    int evaluateEvery = Math.min(r.evaluateEvery(), Math.max(1, epochs / 5));
    return new Recipe(
        r.name(),
        r.data(),
        model,
        r.pretrained(),
        r.centres(),
        r.loss(),
        r.optimizer(),
        schedule,
        r.augmentation(),
        r.batchSize(),
        evaluateEvery,
        r.keepCheckpoints(),
        r.seed());
  }
}
