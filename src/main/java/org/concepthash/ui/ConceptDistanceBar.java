package org.concepthash.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/**
 * Per-concept distances as one bar: a segment per concept, as wide as its sub-code, filled in the
 * concept's colour by the share of differing bits. Concepts left out of a restricted search are
 * shown faded.
 */
class ConceptDistanceBar extends Div {

  ConceptDistanceBar(List<String> names, int[] widths, int[] distances, long selectedMask) {
    addClassName("ch-dist-bar");
    for (int m = 0; m < names.size(); m++) {
      Div segment = new Div();
      segment.addClassName("ch-dist-seg");
      if ((selectedMask >>> m & 1L) == 0) {
        segment.addClassName("ch-dist-unselected");
      }
      segment.getStyle().set("flex-grow", String.valueOf(widths[m]));
      segment.getElement().setAttribute("data-concept", names.get(m));
      segment.getElement().setAttribute("data-distance", String.valueOf(distances[m]));
      segment
          .getElement()
          .setAttribute(
              "title", names.get(m) + ": " + distances[m] + " of " + widths[m] + " bits differ");
      Div fill = new Div();
      fill.addClassName("ch-dist-fill");
      fill.getStyle().set("width", (100.0 * distances[m] / widths[m]) + "%");
      fill.getStyle().set("background", ConceptColours.of(m));
      Span label = new Span(names.get(m) + " " + distances[m] + "/" + widths[m]);
      label.addClassName("ch-dist-label");
      segment.add(fill, label);
      add(segment);
    }
  }
}
