package org.concepthash.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/**
 * What a model-dependent view shows while no model is active: what is missing and where to go. The
 * search, atlas, training and models views replace it as their issues land.
 */
class ModelStatusPanel extends Div {
  ModelStatusPanel(String title, String explanation) {
    addClassName("ch-empty-state");
    add(new H2(title), new Paragraph(explanation));
  }
}
