package org.concepthash.ui;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.concepthash.accounts.Role;
import org.concepthash.catalog.models.ModelRegistry;
import org.concepthash.catalog.models.ModelVersion;
import org.concepthash.jobs.TrainingJob;
import org.concepthash.jobs.TrainingJobs;

/**
 * Models: every registered version with its metrics (held-out mAP and precision, best validation), recipe,
 * data snapshot size and concept names; activate any version, or roll back to the previously active one
 * in one click.
 */
@Route(value = "models", layout = MainLayout.class)
@PageTitle("Models | ConceptHash")
@Prototype
public class ModelsView extends VerticalLayout {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final ModelRegistry registry;
  private final TrainingJobs jobs;
  private final Grid<ModelVersion> grid = new Grid<>();
  private final Button rollback = new Button();
  private final Div empty = new Div();
  private final Div details = new Div();
  private String rollbackTarget;
  /** The job behind each listed version, read once per reload rather than once per cell. */
  private final java.util.Map<String, Optional<TrainingJob>> producedBy = new java.util.HashMap<>();

  private final UiAccess access;

  public ModelsView(ModelRegistry registry, TrainingJobs jobs, UiAccess access) {
    this.access = access;
    this.registry = registry;
    this.jobs = jobs;
    setSizeFull();
    add(new H2("Models"));
    empty.setId("models-empty");
    empty.addClassName("ch-empty-state");
    empty.add(new Paragraph("No model versions are registered yet. Start a job on the Training page, or"
        + " register a package trained elsewhere (concepthash models add PACKAGE --activate, or POST /api/models)."));
    rollback.setId("models-rollback");
    rollback.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
    rollback.addClickListener(e -> {
      if (rollbackTarget != null) {
        activate(rollbackTarget, "restored");
      }
    });

    grid.setId("models-grid");
    grid.addComponentColumn(v -> {
      Span s = new Span(v.active() ? "active" : "");
      if (v.active()) {
        s.getElement().getThemeList().addAll(List.of("badge", "success"));
      }
      return s;
    }).setHeader("").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(ModelVersion::id).setHeader("Version").setAutoWidth(true);
    grid.addColumn(v -> v.bits() + " bits, " + v.concepts() + " x " + v.bitsPerConcept()).setHeader("Code")
        .setAutoWidth(true);
    grid.addColumn(v -> metric(v, "mapAll")).setHeader("Test mAP@all").setAutoWidth(true);
    grid.addColumn(v -> metric(v, "precisionAt1")).setHeader("P@1").setAutoWidth(true);
    grid.addColumn(v -> metric(v, "precisionAt5")).setHeader("P@5").setAutoWidth(true);
    grid.addColumn(v -> metric(v, "precisionAt10")).setHeader("P@10").setAutoWidth(true);
    grid.addColumn(v -> evaluation(v, "families", "mapAll")).setHeader("Family mAP").setAutoWidth(true);
    grid.addColumn(v -> evaluation(v, "localisation", "mean")).setHeader("Localisation error").setAutoWidth(true);
    grid.addColumn(v -> job(v).map(j -> j.request().recipe() + " (job " + j.id() + ")").orElse("uploaded"))
        .setHeader("Recipe").setAutoWidth(true);
    grid.addColumn(v -> job(v).map(j -> Integer.toString(j.images())).orElse("")).setHeader("Snapshot")
        .setAutoWidth(true);
    grid.addColumn(v -> String.join(", ", v.conceptNames())).setHeader("Concepts").setAutoWidth(true);
    grid.addColumn(v -> TIME.format(v.createdAt())).setHeader("Created").setAutoWidth(true);
    grid.addComponentColumn(v -> {
      Button b = new Button(v.active() ? "Active" : "Activate", e -> activate(v.id(), "activated"));
      b.setEnabled(!v.active());
      // activation and rollback are an admin's
      b.setVisible(access.allows(Role.ADMIN));
      b.setId("activate-" + v.id());
      return b;
    }).setHeader("").setAutoWidth(true);
    grid.addSelectionListener(e -> showDetails(e.getFirstSelectedItem()));
    details.setId("models-details");
    add(empty, rollback, grid, details);
    reload();
  }

  private void activate(String id, String verb) {
    try {
      access.require(Role.ADMIN);
      registry.activate(id, access.actor());
      Notification.show(id + " " + verb + "; search uses it now");
    } catch (IOException | RuntimeException e) {
      Notification n = Notification.show("Could not activate " + id + ": " + e.getMessage());
      n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
    reload();
  }

  void reload() {
    List<ModelVersion> versions = registry.list();
    producedBy.clear();
    versions.forEach(v -> producedBy.put(v.id(), jobs.producing(v.id())));
    grid.setItems(versions);
    empty.setVisible(versions.isEmpty());
    grid.setVisible(!versions.isEmpty());
    // the rollback target: the version that was active most recently before the current one
    Optional<ModelVersion> previous = versions.stream().filter(v -> !v.active() && v.activatedAt() != null)
        .max(Comparator.comparing(ModelVersion::activatedAt));
    rollback.setVisible(access.allows(Role.ADMIN) && previous.isPresent()
        && versions.stream().anyMatch(ModelVersion::active));
    rollbackTarget = previous.map(ModelVersion::id).orElse(null);
    previous.ifPresent(p -> rollback.setText("Roll back to " + p.id()));
  }

  private void showDetails(Optional<ModelVersion> version) {
    details.removeAll();
    version.ifPresent(v -> {
      details.add(new H3(v.id()));
      JsonObject m = metrics(v);
      StringBuilder text = new StringBuilder();
      if (m.has("selection")) {
        text.append("Selected by ").append(m.get("selection").getAsString());
        if (m.has("selectedEpoch")) {
          text.append(" (epoch ").append(m.get("selectedEpoch").getAsInt()).append(")");
        }
        text.append(". ");
      }
      if (m.has("best") && m.get("best").isJsonObject()) {
        text.append(String.format(Locale.ROOT, "Best validation mAP@all %.3f. ",
            m.getAsJsonObject("best").get("mapAll").getAsDouble()));
      }
      JsonObject e = jobEvaluation(v);
      if (e.has("localisation") && e.get("localisation").isJsonObject()) {
        JsonObject l = e.getAsJsonObject("localisation");
        text.append("Localisation error per concept (").append(l.get("unit").getAsString()).append("): ");
        List<String> errors = new java.util.ArrayList<>();
        l.getAsJsonArray("concepts").forEach(c -> errors.add(c.getAsJsonObject().get("concept").getAsString() + " "
            + String.format(Locale.ROOT, "%.3f", c.getAsJsonObject().get("error").getAsDouble())));
        text.append(String.join(", ", errors)).append(". ");
      }
      text.append(v.encodedImages()).append(" catalog images encoded. Created by ").append(v.createdBy());
      if (v.activatedBy() != null) {
        text.append(", last activated by ").append(v.activatedBy());
      }
      text.append('.');
      details.add(new Paragraph(text.toString()));
      details.add(new Paragraph("Concepts: " + String.join(", ", v.conceptNames())));
    });
  }

  private Optional<TrainingJob> job(ModelVersion v) {
    return producedBy.computeIfAbsent(v.id(), jobs::producing);
  }

  private JsonObject jobEvaluation(ModelVersion v) {
    return job(v).map(j -> {
      try {
        JsonElement p = JsonParser.parseString(j.progress());
        return p.isJsonObject() && p.getAsJsonObject().has("evaluation")
            ? p.getAsJsonObject().getAsJsonObject("evaluation") : new JsonObject();
      } catch (RuntimeException e) {
        return new JsonObject();
      }
    }).orElseGet(JsonObject::new);
  }

  private String evaluation(ModelVersion v, String section, String key) {
    JsonObject e = jobEvaluation(v);
    if (e.has(section) && e.get(section).isJsonObject() && e.getAsJsonObject(section).has(key)) {
      return String.format(Locale.ROOT, "%.3f", e.getAsJsonObject(section).get(key).getAsDouble());
    }
    return "-";
  }

  private static String metric(ModelVersion v, String key) {
    JsonObject m = metrics(v);
    if (m.has("test") && m.get("test").isJsonObject() && m.getAsJsonObject("test").has(key)) {
      return String.format(Locale.ROOT, "%.3f", m.getAsJsonObject("test").get(key).getAsDouble());
    }
    return "-";
  }

  private static JsonObject metrics(ModelVersion v) {
    try {
      JsonElement e = JsonParser.parseString(v.metrics());
      return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    } catch (RuntimeException e) {
      return new JsonObject();
    }
  }
}
