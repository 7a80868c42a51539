package org.concepthash.train;

import ai.djl.Device;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.concepthash.data.ClassInfo;
import org.concepthash.model.ClassCentres;
import org.concepthash.model.ClipWeightImporter;
import org.concepthash.model.ConceptHashNet;
import org.concepthash.model.ImportReport;
import org.concepthash.model.ModelParameter;
import org.concepthash.model.ParameterSet;
import org.concepthash.model.TextEmbedder;

/**
 * Everything a recipe trains, built in a fixed order so that parameter names and initial values are
 * reproducible: the network ({@code vision.*}, {@code concepts.*}, {@code hash.*}), the class
 * centres ({@code centres.*}) and the concept-discrimination head ({@code cd.*}, only when L_cd is
 * on).
 *
 * @param backbone how the tower was initialised, recorded in the run metadata
 * @param textEmbedder the text model behind language centres, empty otherwise
 */
public record TrainingSetup(
    ParameterSet parameters,
    ConceptHashNet net,
    ClassCentres centres,
    CompositeLoss loss,
    String backbone,
    Optional<String> textEmbedder,
    Optional<ImportReport> imported)
    implements AutoCloseable {

  public static final String CENTRES = "centres";
  public static final String CONCEPT_DISCRIMINATION = "cd";

  /**
   * @param embedders creates the text embedder for language centres (closed after use)
   */
  public static TrainingSetup create(
      Recipe recipe, List<ClassInfo> classes, Device device, Supplier<TextEmbedder> embedders)
      throws IOException {
    ParameterSet params = new ParameterSet(device, recipe.seed());
    try {
      ConceptHashNet net = new ConceptHashNet(params, recipe.model());
      int bits = recipe.model().bits();
      Optional<String> embedderName = Optional.empty();
      ClassCentres centres;
      switch (recipe.centres().source()) {
        case LANGUAGE -> {
          try (TextEmbedder embedder = embedders.get()) {
            List<String> prompts =
                classes.stream().map(c -> ClassCentres.prompt(c.displayName())).toList();
            centres =
                ClassCentres.language(
                    params.scope(CENTRES),
                    embedder.embed(prompts),
                    bits,
                    recipe.centres().binarise());
            embedderName = Optional.of(embedder.name());
          }
        }
        case LEARNABLE ->
            centres = ClassCentres.learnable(params.scope(CENTRES), classes.size(), bits);
        case RANDOM -> centres = ClassCentres.random(params.scope(CENTRES), classes.size(), bits);
        default -> throw new IllegalStateException();
      }
      Recipe.Loss l = recipe.loss();
      CosineMarginCrossEntropy criterion = l.criterion();
      List<CompositeLoss.Weighted> terms = new ArrayList<>();
      terms.add(new CompositeLoss.Weighted(new ClassificationLoss(criterion), l.clf()));
      terms.add(new CompositeLoss.Weighted(new QuantizationLoss(criterion), l.quan()));
      if (l.cd() > 0) {
        terms.add(
            new CompositeLoss.Weighted(
                new ConceptDiscriminationLoss(
                    params.scope(CONCEPT_DISCRIMINATION),
                    criterion,
                    recipe.model().concepts(),
                    recipe.model().geometry().width(),
                    classes.size()),
                l.cd()));
      }
      terms.add(new CompositeLoss.Weighted(new ConceptSpatialDiversityLoss(), l.csd()));
      if (l.clf() == 0) {
        // only L_clf reaches the centres (L_quan uses sign(o)); DJL would hand them zero gradients
        // and
        // weight decay alone would then shrink them, so they stay as initialised
        params.withPrefix(CENTRES + ".").forEach(p -> p.setTrainable(false));
      }
      Optional<ImportReport> imported = Optional.empty();
      String backbone = "trained from scratch (no pretrained weights)";
      if (recipe.pretrained().isPresent()) {
        ImportReport report = ClipWeightImporter.importVision(recipe.pretrained().get(), params);
        imported = Optional.of(report);
        backbone =
            "CLIP image tower from "
                + report.source()
                + " ("
                + report.loaded().size()
                + " tensors, frozen)";
      }
      return new TrainingSetup(
          params, net, centres, new CompositeLoss(terms), backbone, embedderName, imported);
    } catch (RuntimeException | IOException e) {
      params.close();
      throw e;
    }
  }

  /** Names of the frozen (non-buffer) parameters. */
  public List<String> frozen() {
    return parameters.all().stream()
        .filter(p -> !p.isBuffer() && !p.isTrainable())
        .map(ModelParameter::name)
        .toList();
  }

  @Override
  public void close() {
    parameters.close();
  }
}
