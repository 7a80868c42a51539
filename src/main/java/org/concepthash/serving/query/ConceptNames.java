package org.concepthash.serving.query;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.concepthash.catalog.CatalogException;
import org.concepthash.serving.ModelRegistry;
import org.concepthash.serving.ModelVersion;

/**
 * Concept names of a model version: renaming keeps them distinct (a search names concepts, and an
 * explanation "same head; head differs" would be nonsense), and display names are always usable.
 */
@Singleton
public class ConceptNames {

  private final ModelRegistry registry;

  ConceptNames(ModelRegistry registry) {
    this.registry = registry;
  }

  /**
   * Renames concept {@code index} (0-based) of model {@code modelId}.
   *
   * @throws CatalogException not found (no such model), invalid (bad index or name), conflict
   *     (another concept of the model has that name)
   */
  public ModelVersion rename(String modelId, int index, String name) {
    ModelVersion v =
        registry
            .find(modelId)
            .orElseThrow(() -> CatalogException.notFound("no model version '" + modelId + "'"));
    String clean = name == null ? "" : name.strip();
    for (int m = 0; m < v.conceptNames().size(); m++) {
      if (m != index && v.conceptNames().get(m).strip().equalsIgnoreCase(clean)) {
        throw CatalogException.conflict(
            "concept "
                + m
                + " of model '"
                + modelId
                + "' is already called '"
                + v.conceptNames().get(m)
                + "'");
      }
    }
    return registry.renameConcept(modelId, index, clean);
  }

  /**
   * Names fit for display and explanations: blanks become "concept m+1", repeats get their number
   * appended (names stored before renames were checked, or packages that repeat a name).
   */
  public static List<String> display(List<String> names) {
    List<String> out = new ArrayList<>(names.size());
    Set<String> seen = new HashSet<>();
    for (int m = 0; m < names.size(); m++) {
      String n =
          names.get(m) == null || names.get(m).isBlank()
              ? "concept " + (m + 1)
              : names.get(m).strip();
      if (!seen.add(n.toLowerCase(Locale.ROOT))) {
        n = n + " (" + (m + 1) + ")";
        seen.add(n.toLowerCase(Locale.ROOT));
      }
      out.add(n);
    }
    return out;
  }
}
