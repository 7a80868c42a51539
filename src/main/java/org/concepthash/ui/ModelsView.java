package org.concepthash.ui;

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
import java.util.function.ToDoubleFunction;
import org.concepthash.accounts.Role;
import org.concepthash.encode.eval.EvaluationReport;
import org.concepthash.encode.eval.PartConsistencyReport;
import org.concepthash.jobs.TrainingJob;
import org.concepthash.jobs.TrainingJobs;
import org.concepthash.onnx.ModelManifest;
import org.concepthash.search.RetrievalReport;
import org.concepthash.serving.ConceptReliability;
import org.concepthash.serving.ModelRegistry;
import org.concepthash.serving.ModelVersion;

/**
 * Models: every registered version with its metrics (held-out mAP and precision, best validation,
 * part purity), recipe, data snapshot size and concept names with the part each finds; activate any
 * version, or roll back to the previously active one in one click.
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
    empty.add(
        new Paragraph(
            "No model versions are registered yet. Start a job on the Training page, or register a"
                + " package trained elsewhere (concepthash models add PACKAGE --activate, or POST"
                + " /api/models)."));
    rollback.setId("models-rollback");
    rollback.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
    rollback.addClickListener(
        e -> {
          if (rollbackTarget != null) {
            activate(rollbackTarget, "restored");
          }
        });

    grid.setId("models-grid");
    grid.addComponentColumn(
            v -> {
              Span s = new Span(v.active() ? "active" : "");
              if (v.active()) {
                s.getElement().getThemeList().addAll(List.of("badge", "success"));
              }
              return s;
            })
        .setHeader("")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(ModelVersion::id).setHeader("Version").setAutoWidth(true);
    grid.addColumn(v -> v.bits() + " bits, " + v.concepts() + " x " + v.bitsPerConcept())
        .setHeader("Code")
        .setAutoWidth(true);
    grid.addColumn(v -> testMetric(v, RetrievalReport::mapAll))
        .setHeader("Test mAP@all")
        .setAutoWidth(true);
    grid.addColumn(ModelsView::purity).setHeader("Part purity").setAutoWidth(true);
    grid.addColumn(v -> testMetric(v, RetrievalReport::precisionAt1))
        .setHeader("P@1")
        .setAutoWidth(true);
    grid.addColumn(v -> testMetric(v, RetrievalReport::precisionAt5))
        .setHeader("P@5")
        .setAutoWidth(true);
    grid.addColumn(v -> testMetric(v, RetrievalReport::precisionAt10))
        .setHeader("P@10")
        .setAutoWidth(true);
    grid.addColumn(
            v ->
                evaluation(v)
                    .map(EvaluationReport::families)
                    .map(f -> number(f.mapAll()))
                    .orElse("-"))
        .setHeader("Family mAP")
        .setAutoWidth(true);
    grid.addColumn(
            v ->
                evaluation(v)
                    .map(EvaluationReport::localisation)
                    .map(l -> number(l.mean()))
                    .orElse("-"))
        .setHeader("Localisation error")
        .setAutoWidth(true);
    grid.addColumn(
            v -> job(v).map(j -> j.request().recipe() + " (job " + j.id() + ")").orElse("uploaded"))
        .setHeader("Recipe")
        .setAutoWidth(true);
    grid.addColumn(v -> job(v).map(j -> Integer.toString(j.images())).orElse(""))
        .setHeader("Snapshot")
        .setAutoWidth(true);
    grid.addColumn(v -> String.join(", ", v.conceptNames()))
        .setHeader("Concepts")
        .setAutoWidth(true);
    grid.addColumn(v -> TIME.format(v.createdAt())).setHeader("Created").setAutoWidth(true);
    grid.addComponentColumn(
            v -> {
              Button b =
                  new Button(
                      v.active() ? "Active" : "Activate", e -> activate(v.id(), "activated"));
              b.setEnabled(!v.active());
              // activation and rollback are an admin's
              b.setVisible(access.allows(Role.ADMIN));
              b.setId("activate-" + v.id());
              return b;
            })
        .setHeader("")
        .setAutoWidth(true);
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
    Optional<ModelVersion> previous =
        versions.stream()
            .filter(v -> !v.active() && v.activatedAt() != null)
            .max(Comparator.comparing(ModelVersion::activatedAt));
    rollback.setVisible(
        access.allows(Role.ADMIN)
            && previous.isPresent()
            && versions.stream().anyMatch(ModelVersion::active));
    rollbackTarget = previous.map(ModelVersion::id).orElse(null);
    previous.ifPresent(p -> rollback.setText("Roll back to " + p.id()));
  }

  private void showDetails(Optional<ModelVersion> version) {
    details.removeAll();
    version.ifPresent(
        v -> {
          details.add(new H3(v.id()));
          StringBuilder text = new StringBuilder();
          v.training()
              .ifPresent(
                  t -> {
                    text.append("Selected by ")
                        .append(t.selection())
                        .append(" (epoch ")
                        .append(t.selectedEpoch())
                        .append("). ");
                    if (t.validation() != null) {
                      text.append(
                          String.format(
                              Locale.ROOT,
                              "Best validation mAP@all %.3f. ",
                              t.validation().mapAll()));
                    }
                  });
          evaluation(v)
              .map(EvaluationReport::localisation)
              .ifPresent(
                  l -> {
                    text.append("Localisation error per concept (").append(l.unit()).append("): ");
                    text.append(
                            String.join(
                                ", ",
                                l.concepts().stream()
                                    .map(c -> c.concept() + " " + number(c.error()))
                                    .toList()))
                        .append(". ");
                  });
          text.append(v.encodedImages())
              .append(" catalog images encoded. Created by ")
              .append(v.createdBy());
          if (v.activatedBy() != null) {
            text.append(", last activated by ").append(v.activatedBy());
          }
          text.append('.');
          details.add(new Paragraph(text.toString()));
          details.add(new Paragraph("Concepts: " + String.join(", ", v.conceptNames())));
          details.add(parts(v));
        });
  }

  /** Per concept the part it finds, or "not measured"; unreliable concepts carry the mark. */
  private static Div parts(ModelVersion v) {
    Div box = new Div();
    box.setId("models-parts");
    box.add(
        new Paragraph(
            v.partConsistency()
                .map(
                    p ->
                        String.format(
                            Locale.ROOT,
                            "Part consistency over %d annotated test images: mean purity %.2f, %d"
                                + " distinct dominant part%s; random points in the object box score"
                                + " %.2f. A concept below %.2f is marked unreliable.",
                            p.images(),
                            p.meanPurity(),
                            p.distinctDominantParts(),
                            p.distinctDominantParts() == 1 ? "" : "s",
                            p.chance().purity(),
                            p.chance().purity() + PartConsistencyReport.RELIABILITY_MARGIN))
                .orElse(
                    "Part consistency: not measured (the catalog had no test images with part"
                        + " keypoints when this version was registered; registering its package"
                        + " again measures it).")));
    for (int m = 0; m < v.concepts(); m++) {
      Div line = new Div(new Span(v.conceptNames().get(m) + ": "), ConceptTrust.summary(v, m));
      line.addClassName("ch-code-line");
      line.getElement().setAttribute("data-concept", String.valueOf(m));
      ConceptTrust.unreliableMark(v, m).ifPresent(line::add);
      box.add(line);
    }
    return box;
  }

  private static String purity(ModelVersion v) {
    return v.partConsistency()
        .map(
            p ->
                String.format(
                    Locale.ROOT, "%.2f (chance %.2f)", p.meanPurity(), p.chance().purity()))
        .orElse(ConceptReliability.NOT_MEASURED.label());
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  private Optional<TrainingJob> job(ModelVersion v) {
    return producedBy.computeIfAbsent(v.id(), jobs::producing);
  }

  private Optional<EvaluationReport> evaluation(ModelVersion v) {
    return job(v).flatMap(TrainingJob::evaluation);
  }

  private static String testMetric(ModelVersion v, ToDoubleFunction<RetrievalReport> metric) {
    return v.training()
        .map(ModelManifest.Training::test)
        .map(t -> number(metric.applyAsDouble(t)))
        .orElse("-");
  }
}
