package org.concepthash.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

/** Models: the route exists in the shell; until a model is active it explains what is missing. */
@Route(value = "models", layout = MainLayout.class)
@PageTitle("Models | ConceptHash")
@Prototype
public class ModelsView extends VerticalLayout {
  public ModelsView() {
    add(
        new ModelStatusPanel(
            "Models",
            "No model versions are registered yet."));
  }
}
