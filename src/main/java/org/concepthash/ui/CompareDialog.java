package org.concepthash.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.concepthash.serving.query.AttentionMaps;
import org.concepthash.serving.query.SearchAnswer;

/**
 * Query and one result side by side, one row per concept: where each looked, and how far apart they
 * are.
 */
class CompareDialog extends Dialog {

  CompareDialog(
      SearchAnswer answer,
      String querySrc,
      SearchAnswer.Result result,
      AttentionMaps resultMaps,
      double opacity) {
    setHeaderTitle(
        "Query vs image "
            + result.imageId()
            + (result.label() == null
                ? ""
                : " ("
                    + (result.displayName() == null ? result.label() : result.displayName())
                    + ")"));
    addClassName("ch-compare-dialog");
    Div rows = new Div();
    rows.setId("compare-rows");
    List<String> names = answer.conceptNames();
    for (int m = 0; m < names.size(); m++) {
      AttentionOverlay q = new AttentionOverlay(querySrc, "query");
      q.setMaps(answer.query().attention());
      q.setConcept(String.valueOf(m));
      q.setOpacity(opacity);
      AttentionOverlay r =
          new AttentionOverlay("/api/images/" + result.imageId() + "/content", "result");
      r.setMaps(resultMaps);
      r.setConcept(String.valueOf(m));
      r.setOpacity(opacity);
      int d = result.conceptDistances()[m];
      int bits = answer.model().layout().width(m);
      Span name = new Span(names.get(m));
      name.addClassName("ch-concept-chip");
      name.getStyle().set("background", ConceptColours.of(m));
      Span verdict =
          new Span(
              d == 0 ? "same (0 of " + bits + " bits differ)" : d + " of " + bits + " bits differ");
      Span queryBits = new Span("query " + answer.query().subCodes().get(m));
      queryBits.addClassName("ch-bits");
      Div text = new Div(name, verdict, queryBits);
      ConceptTrust.unreliableMark(answer.model(), m).ifPresent(text::add);
      text.addClassName("ch-compare-text");
      Div row = new Div(q, r, text);
      row.addClassName("ch-compare-row");
      row.getElement().setAttribute("data-concept", String.valueOf(m));
      rows.add(row);
    }
    add(rows);
    getFooter().add(new Button("Close", e -> close()));
  }
}
