package org.concepthash.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.concepthash.code.ConceptLayout;

/**
 * Turns per-concept distances into words for the UI, e.g. "same head and body; wing differs by 5 of
 * 16 bits". Concept names come from the model (or the curator); the order is the concepts' order. A
 * concept measured not to find a consistent part is marked in the words: "same head (unreliable)
 * and body".
 */
public final class MatchExplainer {

  /** Follows the name of a concept whose part consistency is no better than chance. */
  public static final String UNRELIABLE = "(unreliable)";

  private final ConceptLayout layout;
  private final List<String> names;
  private final Set<Integer> unreliable;

  /**
   * @param conceptNames one distinct, non-blank name per concept, in concept order
   */
  public MatchExplainer(ConceptLayout layout, List<String> conceptNames) {
    this(layout, conceptNames, Set.of());
  }

  /**
   * @param conceptNames one distinct, non-blank name per concept, in concept order
   * @param unreliable indices of the concepts to mark {@value #UNRELIABLE}
   */
  public MatchExplainer(ConceptLayout layout, List<String> conceptNames, Set<Integer> unreliable) {
    if (conceptNames.size() != layout.concepts()) {
      throw new IllegalArgumentException(
          conceptNames.size() + " concept names for " + layout.concepts() + " concepts");
    }
    if (conceptNames.stream().anyMatch(String::isBlank)
        || new HashSet<>(conceptNames).size() != conceptNames.size()) {
      throw new IllegalArgumentException(
          "concept names must be distinct and non-blank: " + conceptNames);
    }
    this.layout = layout;
    this.names = List.copyOf(conceptNames);
    this.unreliable = Set.copyOf(unreliable);
  }

  /** Names "concept 1" .. "concept M" for a model whose concepts nobody has named yet. */
  public static MatchExplainer withDefaultNames(ConceptLayout layout) {
    List<String> names = new ArrayList<>();
    for (int m = 1; m <= layout.concepts(); m++) {
      names.add("concept " + m);
    }
    return new MatchExplainer(layout, names);
  }

  /** One comparison per concept, in concept order. */
  public List<ConceptComparison> compare(int[] conceptDistances) {
    if (conceptDistances.length != layout.concepts()) {
      throw new IllegalArgumentException(
          conceptDistances.length + " distances for " + layout.concepts() + " concepts");
    }
    List<ConceptComparison> out = new ArrayList<>(conceptDistances.length);
    for (int m = 0; m < conceptDistances.length; m++) {
      if (conceptDistances[m] < 0 || conceptDistances[m] > layout.width(m)) {
        throw new IllegalArgumentException(
            "distance " + conceptDistances[m] + " on a " + layout.width(m) + "-bit concept");
      }
      out.add(new ConceptComparison(names.get(m), conceptDistances[m], layout.width(m)));
    }
    return out;
  }

  /**
   * The sentence: equal concepts first ("same a, b and c"), then nearly equal ones (at most a tenth
   * of their bits differ: "nearly the same d (1 of 16 bits)"), then each differing concept.
   */
  public String explain(int[] conceptDistances) {
    List<String> same = new ArrayList<>();
    List<String> close = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    List<ConceptComparison> comparisons = compare(conceptDistances);
    for (int m = 0; m < comparisons.size(); m++) {
      ConceptComparison c = comparisons.get(m);
      String name = unreliable.contains(m) ? c.concept() + " " + UNRELIABLE : c.concept();
      if (c.same()) {
        same.add(name);
      } else if (c.close()) {
        close.add(name + " (" + c.distance() + " of " + bits(c.bits()) + ")");
      } else {
        parts.add(name + " differs by " + c.distance() + " of " + bits(c.bits()));
      }
    }
    if (!close.isEmpty()) {
      parts.add(0, "nearly the same " + enumerate(close));
    }
    if (!same.isEmpty()) {
      parts.add(0, "same " + enumerate(same));
    }
    return String.join("; ", parts);
  }

  private static String bits(int n) {
    return n + (n == 1 ? " bit" : " bits");
  }

  /** "a", "a and b", "a, b and c". */
  private static String enumerate(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
