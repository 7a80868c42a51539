package org.concepthash.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

/** Concept atlas: the route exists in the shell; until a model is active it explains what is missing. */
@Route(value = "concepts", layout = MainLayout.class)
@PageTitle("Concepts | ConceptHash")
@Prototype
public class ConceptsView extends VerticalLayout {
  public ConceptsView() {
    add(
        new ModelStatusPanel(
            "Concept atlas",
            "The atlas shows what each sub-code of the active model means. No model is active yet: train one first (Training)."));
  }
}
