package org.concepthash.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.Consumer;
import org.concepthash.serving.query.SearchAnswer;

/**
 * One search result: the image with its attention overlay, class and family, Hamming distance, the
 * per-concept distance bar and the explanation in words.
 */
class ResultCard extends Div {

  private final SearchAnswer.Result result;
  private final AttentionOverlay overlay;

  ResultCard(
      SearchAnswer.Result result,
      List<String> names,
      int[] widths,
      long mask,
      int rank,
      Consumer<SearchAnswer.Result> compare,
      Consumer<Long> searchWith) {
    this.result = result;
    addClassName("ch-result");
    getElement().setAttribute("data-image-id", String.valueOf(result.imageId()));
    getElement().setAttribute("data-distance", String.valueOf(result.distance()));
    getElement().setAttribute("data-rank", String.valueOf(rank));
    overlay =
        new AttentionOverlay(
            "/api/images/" + result.imageId() + "/thumbnail", "image " + result.imageId());
    Span label =
        new Span(
            result.label() == null
                ? "unlabelled"
                : result.displayName() == null ? result.label() : result.displayName());
    label.addClassName(result.label() == null ? "ch-unlabelled" : "ch-label");
    Span family = new Span(result.family() == null ? "" : result.family());
    family.addClassName("ch-family");
    Span distance = new Span("distance " + result.distance());
    distance.addClassName("ch-distance");
    Span explanation = new Span(result.explanation());
    explanation.addClassName("ch-explanation");
    Button compareButton = new Button("Compare", e -> compare.accept(result));
    compareButton.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    compareButton.addClassName("ch-compare");
    Button again = new Button("Search with this", e -> searchWith.accept(result.imageId()));
    again.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    Div head = new Div(label, family);
    head.addClassName("ch-result-head");
    add(
        overlay,
        head,
        distance,
        new ConceptDistanceBar(names, widths, result.conceptDistances(), mask),
        explanation,
        new Div(compareButton, again));
  }

  SearchAnswer.Result result() {
    return result;
  }

  AttentionOverlay overlay() {
    return overlay;
  }
}
