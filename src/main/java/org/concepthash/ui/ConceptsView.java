package org.concepthash.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.micronaut.context.annotation.Prototype;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.concepthash.accounts.Role;
import org.concepthash.catalog.CatalogException;
import org.concepthash.serving.query.ConceptAtlas;
import org.concepthash.serving.query.ConceptNames;
import org.concepthash.serving.query.CropBox;

/**
 * The concept atlas: per concept of the active model its (editable) name, its most frequent
 * sub-code values in the catalog and, per value, exemplar crops centred on the concept's attention
 * peak. Two-bit sub-codes are laid out as the paper's quadrants (00 top-left, 01 top-right, 10
 * bottom-left, 11 bottom-right). Each concept shows the part it finds ("head in 84% of 240
 * annotated images", or "not measured"), an "unreliable" mark when that is no better than chance,
 * and the part as a suggested name. Clicking an exemplar searches with it, restricted to that
 * concept.
 */
@Route(value = "concepts", layout = MainLayout.class)
@PageTitle("Concepts | ConceptHash")
@StyleSheet("context://frontend/concepthash.css")
@Prototype
public class ConceptsView extends VerticalLayout {

  static final int VALUES_PER_CONCEPT = 6;
  static final int EXEMPLARS_PER_VALUE = 6;

  private final ConceptNames names;
  private final UiAccess access;

  public ConceptsView(ConceptAtlas atlas, ConceptNames names, UiAccess access) {
    this.names = names;
    this.access = access;
    addClassName("ch-atlas");
    Optional<ConceptAtlas.Atlas> built;
    try {
      built = atlas.build(VALUES_PER_CONCEPT, EXEMPLARS_PER_VALUE);
    } catch (IOException | CatalogException e) {
      built = Optional.empty();
      Notification.show("The atlas cannot be built: " + e.getMessage())
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
    if (built.isEmpty()) {
      ModelStatusPanel panel =
          new ModelStatusPanel(
              "Concept atlas",
              "The atlas shows what each sub-code of the active model means. No model is active"
                  + " yet: train one first.");
      RouterLink training = new RouterLink("Go to training", TrainingView.class);
      training.setId("go-to-training");
      panel.add(training);
      add(panel);
      return;
    }
    ConceptAtlas.Atlas a = built.get();
    add(
        new H2("Concept atlas"),
        new Paragraph(
            "Model "
                + a.model().id()
                + " over "
                + a.images()
                + " catalog images. Each concept owns a block of code bits; below are its most"
                + " frequent values and images that carry them, cropped around where the concept"
                + " looked. Click an image to search with it on that concept alone."));
    for (ConceptAtlas.Concept c : a.concepts()) {
      add(concept(a, c));
    }
  }

  private Div concept(ConceptAtlas.Atlas a, ConceptAtlas.Concept c) {
    Div section = new Div();
    section.addClassName("ch-atlas-concept");
    section.getElement().setAttribute("data-concept", String.valueOf(c.index()));
    Span chip = new Span(" ");
    chip.addClassName("ch-concept-swatch");
    chip.getStyle().set("background", ConceptColours.of(c.index()));
    TextField name = new TextField();
    name.setId("concept-name-" + c.index());
    name.setValue(c.name());
    // naming concepts is a curator's; others see the name read-only
    name.setReadOnly(!access.allows(Role.CURATOR));
    name.setAriaLabel("name of concept " + (c.index() + 1));
    name.setValueChangeMode(ValueChangeMode.ON_CHANGE);
    boolean[] shownOnly = {
      false
    }; // set while the field shows a name stored already (an accepted suggestion)
    name.addValueChangeListener(
        e -> {
          if (shownOnly[0] || !e.isFromClient() && e.getOldValue().equals(e.getValue())) {
            return;
          }
          try {
            access.require(Role.CURATOR);
            names.rename(a.model().id(), c.index(), e.getValue());
            Notification.show(
                    "Concept " + (c.index() + 1) + " is now called '" + e.getValue().strip() + "'")
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
          } catch (CatalogException | AccessDeniedException ex) {
            Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
          }
        });
    Span info = new Span(c.bits() + "-bit sub-code");
    info.addClassName("ch-meta-name");
    Span parts = ConceptTrust.summary(a.model(), c.index());
    parts.setId("concept-parts-" + c.index());
    Div header = new Div(chip, name, info, parts);
    ConceptTrust.unreliableMark(a.model(), c.index()).ifPresent(header::add);
    header.addClassName("ch-atlas-header");
    section.add(header);
    suggestion(
            a,
            c,
            accepted -> {
              shownOnly[0] = true;
              name.setValue(accepted);
              shownOnly[0] = false;
            })
        .ifPresent(section::add);
    Div values = new Div();
    values.addClassName(
        c.bits() <= ConceptAtlas.ALL_VALUES_UP_TO_BITS && c.bits() == 2
            ? "ch-quadrants"
            : "ch-values");
    for (ConceptAtlas.Value v : c.values()) {
      values.add(value(c, v));
    }
    section.add(values);
    return section;
  }

  /**
   * The concept's dominant part offered as its name (purity at least 0.6, the part not taken by a
   * purer concept), unless it is called that already; a curator accepts it with one click or edits
   * the name.
   */
  private Optional<Div> suggestion(
      ConceptAtlas.Atlas a, ConceptAtlas.Concept c, Consumer<String> show) {
    Optional<String> part =
        a.model()
            .partConsistency()
            .flatMap(p -> p.suggestedName(c.index()))
            .filter(p -> !p.equalsIgnoreCase(c.name().strip()));
    if (part.isEmpty()) {
      return Optional.empty();
    }
    Div box = new Div(new Span("Suggested name: " + part.get()));
    box.setId("concept-suggestion-" + c.index());
    box.addClassName("ch-name-suggestion");
    box.getElement().setAttribute("data-suggested-name", part.get());
    if (access.allows(Role.CURATOR)) {
      Button accept =
          new Button(
              "Accept",
              e -> {
                try {
                  access.require(Role.CURATOR);
                  names.rename(a.model().id(), c.index(), part.get());
                  show.accept(part.get());
                  box.setVisible(false);
                  Notification.show(
                          "Concept " + (c.index() + 1) + " is now called '" + part.get() + "'")
                      .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } catch (CatalogException | AccessDeniedException ex) {
                  Notification.show(ex.getMessage())
                      .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
              });
      accept.setId("accept-suggestion-" + c.index());
      accept.addThemeVariants(ButtonVariant.LUMO_SMALL);
      box.add(accept);
    }
    return Optional.of(box);
  }

  private Div value(ConceptAtlas.Concept c, ConceptAtlas.Value v) {
    Span bits = new Span(v.bits());
    bits.addClassName("ch-bits");
    Span count = new Span(v.count() + (v.count() == 1 ? " image" : " images"));
    count.addClassName("ch-meta-name");
    Div head = new Div(bits, count);
    head.addClassName("ch-value-head");
    Div exemplars = new Div();
    exemplars.addClassName("ch-exemplars");
    for (ConceptAtlas.Exemplar e : v.exemplars()) {
      exemplars.add(exemplar(c.index(), e));
    }
    Div box = new Div(head, exemplars);
    box.addClassName("ch-value");
    box.getElement().setAttribute("data-value", v.bits());
    return box;
  }

  private static Div exemplar(int concept, ConceptAtlas.Exemplar e) {
    Div crop = new Div();
    crop.addClassName("ch-exemplar");
    crop.getElement().setAttribute("data-image-id", String.valueOf(e.imageId()));
    crop.getElement().setAttribute("title", "image " + e.imageId() + ": search on this concept");
    CropBox r = e.region();
    // show only the region: scale the picture by 1/size and shift it so the region fills the box
    crop.getStyle().set("background-image", "url('/api/images/" + e.imageId() + "/content')");
    crop.getStyle().set("background-size", pct(100 / r.width()) + " " + pct(100 / r.height()));
    crop.getStyle()
        .set(
            "background-position",
            pct(position(r.left(), r.width())) + " " + pct(position(r.top(), r.height())));
    crop.addClickListener(
        ev ->
            UI.getCurrent()
                .navigate(
                    "search",
                    QueryParameters.simple(
                        Map.of(
                            "image",
                            String.valueOf(e.imageId()),
                            "concepts",
                            String.valueOf(concept)))));
    return crop;
  }

  /**
   * CSS percentage position that puts offset {@code start} (of a region {@code size} wide) at the
   * left edge.
   */
  private static double position(double start, double size) {
    return size >= 1 ? 0 : 100 * start / (1 - size);
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.3f%%", v);
  }
}
