package org.concepthash.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

/** Training: the route exists in the shell; until a model is active it explains what is missing. */
@Route(value = "training", layout = MainLayout.class)
@PageTitle("Training | ConceptHash")
@Prototype
public class TrainingView extends VerticalLayout {
  public TrainingView() {
    add(
        new ModelStatusPanel(
            "Training",
            "Training from the browser is not available in this version yet. Train on the command line (concepthash train) and register the exported package (concepthash models add)."));
  }
}
