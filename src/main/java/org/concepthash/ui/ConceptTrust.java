package org.concepthash.ui;

import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import java.util.Optional;
import org.concepthash.encode.eval.PartConsistencyReport;
import org.concepthash.serving.ConceptReliability;
import org.concepthash.serving.ModelVersion;

/**
 * How far to trust a concept, as shown next to it: its measured part consistency in words, and the
 * "unreliable" mark of a concept that finds its part no better than chance + 0.1.
 */
final class ConceptTrust {

  private ConceptTrust() {}

  /**
   * "head in 84% of 240 annotated images", or "not measured"; carries the numbers as data
   * attributes.
   */
  static Span summary(ModelVersion v, int m) {
    Optional<PartConsistencyReport.ConceptParts> c = v.partConsistency().flatMap(p -> p.concept(m));
    Span s = new Span(v.partSummary(m));
    s.addClassName("ch-concept-parts");
    c.ifPresent(
        p -> {
          s.getElement().setAttribute("data-part", p.dominantPart());
          s.getElement()
              .setAttribute("data-purity", String.format(Locale.ROOT, "%.4f", p.purity()));
          s.getElement().setAttribute("data-images", String.valueOf(p.images()));
        });
    return s;
  }

  /** The mark, when concept {@code m} of {@code v} was measured unreliable. */
  static Optional<Span> unreliableMark(ModelVersion v, int m) {
    if (!v.unreliable(m)) {
      return Optional.empty();
    }
    PartConsistencyReport p = v.parts();
    Span mark = new Span(ConceptReliability.UNRELIABLE.label());
    mark.addClassName("ch-unreliable");
    mark.getElement().getThemeList().addAll(java.util.List.of("badge", "error", "small"));
    mark.getElement()
        .setAttribute(
            "title",
            String.format(
                Locale.ROOT,
                "Its attention peak finds one part in %.0f%% of annotated images; random points in"
                    + " the object find one in %.0f%%. Where this concept looks is not evidence of"
                    + " a part.",
                100 * p.concepts().get(m).purity(),
                100 * p.chance().purity()));
    return Optional.of(mark);
  }

  /** A concept's name with " (unreliable)" when it is marked, for plain-text labels. */
  static String label(ModelVersion v, int m, String name) {
    return v.unreliable(m) ? name + " (" + ConceptReliability.UNRELIABLE.label() + ")" : name;
  }
}
