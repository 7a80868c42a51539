package org.concepthash.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;

/** Search by image: the route exists in the shell; until a model is active it explains what is missing. */
@Route(value = "search", layout = MainLayout.class)
@PageTitle("Search | ConceptHash")
@Prototype
public class SearchView extends VerticalLayout {
  public SearchView() {
    add(
        new ModelStatusPanel(
            "Search by image",
            "Search needs an active model. No model has been trained for this catalog yet: label some images and train one (Training), or register a model package trained elsewhere (Models)."));
  }
}
