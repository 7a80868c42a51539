package org.concepthash.ui;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.concepthash.accounts.Role;
import org.concepthash.code.BinaryCodes;
import org.concepthash.jobs.JobRequest;
import org.concepthash.jobs.JobStage;
import org.concepthash.jobs.JobState;
import org.concepthash.jobs.TrainingJob;
import org.concepthash.jobs.TrainingJobs;

/**
 * Training: start a job on the catalog's labelled images, watch it live (stage, epoch/step bar,
 * ETA, images/s, loss curves, mAP per evaluation, log tail), cancel it. Progress is read from the
 * job table once a second and pushed, so a job running on another host's worker shows the same way.
 */
@Route(value = "training", layout = MainLayout.class)
@PageTitle("Training | ConceptHash")
@Prototype
public class TrainingView extends VerticalLayout {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private final TrainingJobs jobs;
  private final Select<String> recipe = new Select<>();
  private final IntegerField bits = new IntegerField("Bits (K)");
  private final IntegerField epochs = new IntegerField("Epochs");
  private final Checkbox activate = new Checkbox("Activate when done", true);
  private final Button start = new Button("Retrain");
  private final Grid<TrainingJob> grid = new Grid<>();
  private final H3 jobTitle = new H3();
  private final HorizontalLayout stages = new HorizontalLayout();
  private final ProgressBar bar = new ProgressBar();
  private final Span status = new Span();
  private final LineChart losses = new LineChart("Loss per step", "epoch");
  private final LineChart map = new LineChart("Validation mAP@all", "epoch");
  private final Pre log = new Pre();
  private final Button cancel = new Button("Cancel job");
  private final Div details = new Div();
  private volatile Long selected;
  private ScheduledExecutorService refresher;

  private final UiAccess access;

  public TrainingView(TrainingJobs jobs, UiAccess access) {
    this.jobs = jobs;
    this.access = access;
    setSizeFull();
    add(
        new H2("Training"),
        new Paragraph(
            "Retrains on every labelled catalog image as it is now (unlabelled images are not"
                + " used). When the job succeeds the catalog is re-encoded and search switches to"
                + " the new model in one step; the previous model stays for rollback on the Models"
                + " page."));

    recipe.setLabel("Recipe");
    recipe.setId("training-recipe");
    recipe.setItems(jobs.recipes());
    recipe.addValueChangeListener(e -> defaults(e.getValue()));
    bits.setId("training-bits");
    bits.setMin(1);
    bits.setMax(BinaryCodes.MAX_BITS);
    bits.setStepButtonsVisible(true);
    epochs.setId("training-epochs");
    epochs.setMin(1);
    epochs.setStepButtonsVisible(true);
    activate.setId("training-activate");
    start.setId("training-start");
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    start.addClickListener(e -> startJob());
    HorizontalLayout form = new HorizontalLayout(recipe, bits, epochs, activate, start);
    form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    // starting and cancelling jobs is an admin's; everybody else watches
    form.setVisible(access.allows(Role.ADMIN));
    cancel.setVisible(access.allows(Role.ADMIN));
    if (!jobs.recipes().isEmpty()) {
      recipe.setValue(jobs.recipes().get(0));
    }

    grid.setId("training-jobs");
    grid.addColumn(TrainingJob::id).setHeader("Job").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(j -> j.state().lowerName()).setHeader("State").setAutoWidth(true);
    grid.addColumn(j -> j.stage() == null ? "" : j.stage().lowerName())
        .setHeader("Stage")
        .setAutoWidth(true);
    grid.addColumn(j -> j.request().recipe()).setHeader("Recipe").setAutoWidth(true);
    grid.addColumn(j -> describe(j.request())).setHeader("Settings").setAutoWidth(true);
    grid.addColumn(TrainingJob::images).setHeader("Images").setAutoWidth(true);
    grid.addColumn(j -> TIME.format(j.createdAt())).setHeader("Queued").setAutoWidth(true);
    grid.addColumn(j -> j.modelVersionId() == null ? "" : j.modelVersionId())
        .setHeader("Model")
        .setAutoWidth(true);
    grid.setHeight("14em");
    grid.addSelectionListener(
        e -> {
          e.getFirstSelectedItem()
              .ifPresent(
                  j -> {
                    selected = j.id();
                    showJob(j);
                  });
        });

    cancel.setId("training-cancel");
    cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
    cancel.addClickListener(
        e -> {
          if (selected != null) {
            try {
              access.require(Role.ADMIN);
              showJob(jobs.cancel(selected, access.actor()));
              refreshList();
            } catch (AccessDeniedException denied) {
              Notification.show(denied.getMessage())
                  .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
          }
        });
    bar.setId("training-progress");
    status.setId("training-status");
    log.setId("training-log");
    log.getStyle()
        .set("max-height", "14em")
        .set("overflow", "auto")
        .set("font-size", "var(--lumo-font-size-xs)")
        .set("width", "100%");
    losses.setId("training-loss-chart");
    map.setId("training-map-chart");
    jobTitle.setId("training-job-title");
    HorizontalLayout charts = new HorizontalLayout(losses, map);
    charts.setWrap(true);
    details.setId("training-details");
    details.setWidthFull();
    details.add(jobTitle, stages, bar, status, cancel, charts, log);
    details.setVisible(false);
    add(form, grid, details);
    refreshList();
    jobs.recent(1).stream().findFirst().ifPresent(j -> grid.select(j));
  }

  private void defaults(String name) {
    if (name == null) {
      return;
    }
    JobRequest d = jobs.defaults(name);
    bits.setValue(d.bits());
    epochs.setValue(d.epochs());
  }

  private void startJob() {
    try {
      access.require(Role.ADMIN);
      var enqueued =
          jobs.start(
              new JobRequest(
                  recipe.getValue(), bits.getValue(), epochs.getValue(), activate.getValue()),
              null,
              access.actor());
      Notification.show(
          enqueued.created()
              ? "Job " + enqueued.job().id() + " queued"
              : "Job "
                  + enqueued.job().id()
                  + " with these settings is already "
                  + enqueued.job().state().lowerName());
      refreshList();
      grid.select(
          grid.getListDataView()
              .getItems()
              .filter(j -> j.id() == enqueued.job().id())
              .findFirst()
              .orElse(enqueued.job()));
      selected = enqueued.job().id();
      showJob(enqueued.job());
    } catch (RuntimeException e) {
      Notification n = Notification.show(e.getMessage());
      n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }

  private void refreshList() {
    show(jobs.recent(20), null);
  }

  private void show(List<TrainingJob> recent, TrainingJob current) {
    // identity by id: the selection survives the refresh although the progress changed
    grid.setItems(recent).setIdentifierProvider(TrainingJob::id);
    if (current != null && Objects.equals(current.id(), selected)) {
      showJob(current);
    }
  }

  /** Re-reads the jobs (outside the session lock) and pushes them to the browser. */
  void refresh(UI ui) {
    List<TrainingJob> recent = jobs.recent(20);
    Long id = selected;
    TrainingJob current = id == null ? null : jobs.get(id);
    ui.access(() -> show(recent, current));
  }

  private void showJob(TrainingJob job) {
    details.setVisible(true);
    jobTitle.setText(
        "Job "
            + job.id()
            + ": "
            + job.state().lowerName()
            + (job.cancelRequested() && !job.state().finished() ? " (cancelling)" : "")
            + (job.error() != null ? " - " + job.error() : ""));
    JsonObject p = parse(job.progress());
    showStages(job, p);
    int epoch = integer(p, "epoch");
    int epochCount = integer(p, "epochs");
    int step = integer(p, "step");
    int steps = integer(p, "steps");
    List<String> parts = new ArrayList<>();
    if (job.stage() == JobStage.ENCODE && p.has("toEncode")) {
      long done = p.get("encoded").getAsLong();
      long total = Math.max(1, p.get("toEncode").getAsLong());
      bar.setValue(Math.min(1, (double) done / total));
      parts.add("encoding " + done + "/" + total + " images");
    } else if (epochCount > 0 && steps > 0) {
      bar.setValue(Math.min(1, ((epoch - 1) + (double) step / steps) / epochCount));
      parts.add("epoch " + epoch + "/" + epochCount);
      parts.add("step " + step + "/" + steps);
      if (p.has("etaSeconds") && job.state() == JobState.RUNNING && job.stage() == JobStage.TRAIN) {
        long eta = p.get("etaSeconds").getAsLong();
        parts.add(String.format(Locale.ROOT, "ETA %d:%02d", eta / 60, eta % 60));
      }
      if (p.has("imagesPerSecond")) {
        parts.add(
            String.format(Locale.ROOT, "%.1f images/s", p.get("imagesPerSecond").getAsDouble()));
      }
      if (p.has("loss")) {
        parts.add(String.format(Locale.ROOT, "loss %.4f", p.get("loss").getAsDouble()));
      }
    } else {
      bar.setValue(job.state() == JobState.SUCCEEDED ? 1 : 0);
    }
    job.test()
        .ifPresent(t -> parts.add(String.format(Locale.ROOT, "held-out mAP@all %.3f", t.mapAll())));
    status.setText(
        parts.isEmpty()
            ? job.state() == JobState.QUEUED ? "waiting for a worker" : ""
            : String.join(" · ", parts));
    losses.show(lossSeries(p));
    map.show(mapSeries(job));
    List<String> lines = job.log() == null ? List.of() : job.log().lines().toList();
    log.setText(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
    cancel.setEnabled(!job.state().finished() && !job.cancelRequested());
  }

  private void showStages(TrainingJob job, JsonObject p) {
    stages.removeAll();
    List<String> done = new ArrayList<>();
    if (p.has("stagesDone")) {
      p.getAsJsonArray("stagesDone").forEach(e -> done.add(e.getAsString()));
    }
    for (JobStage s : JobStage.values()) {
      if (s == JobStage.ACTIVATE && !job.request().activate()) {
        continue;
      }
      Span badge = new Span(s.lowerName());
      String theme = "badge";
      if (done.contains(s.lowerName())) {
        theme += " success";
      } else if (s == job.stage()) {
        theme +=
            job.state() == JobState.RUNNING
                ? " primary"
                : job.state() == JobState.FAILED ? " error" : " contrast";
      }
      badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
      badge.getElement().setAttribute("data-stage", s.lowerName());
      stages.add(badge);
    }
  }

  private static Map<String, List<LineChart.Point>> lossSeries(JsonObject p) {
    Map<String, List<LineChart.Point>> series = new LinkedHashMap<>();
    if (!p.has("curve")) {
      return series;
    }
    for (JsonElement e : p.getAsJsonArray("curve")) {
      JsonObject point = e.getAsJsonObject();
      double x = point.get("x").getAsDouble();
      series
          .computeIfAbsent("total", k -> new ArrayList<>())
          .add(new LineChart.Point(x, point.get("loss").getAsDouble()));
      if (point.has("terms")) {
        point
            .getAsJsonObject("terms")
            .entrySet()
            .forEach(
                t ->
                    series
                        .computeIfAbsent(t.getKey(), k -> new ArrayList<>())
                        .add(new LineChart.Point(x, t.getValue().getAsDouble())));
      }
    }
    return series;
  }

  private static Map<String, List<LineChart.Point>> mapSeries(TrainingJob job) {
    List<LineChart.Point> points =
        job.validations().stream().map(v -> new LineChart.Point(v.epoch(), v.mapAll())).toList();
    return points.isEmpty() ? Map.of() : Map.of("mAP@all", points);
  }

  private static String describe(JobRequest r) {
    return (r.bits() == null ? "recipe bits" : r.bits() + " bits")
        + ", "
        + (r.epochs() == null ? "recipe epochs" : r.epochs() + " epochs")
        + (r.activate() ? "" : ", no activation");
  }

  private static JsonObject parse(String json) {
    try {
      JsonElement e = JsonParser.parseString(json == null || json.isBlank() ? "{}" : json);
      return e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    } catch (RuntimeException e) {
      return new JsonObject();
    }
  }

  private static int integer(JsonObject o, String key) {
    return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsInt() : 0;
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    UI ui = event.getUI();
    refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "training-view-refresh");
              t.setDaemon(true);
              return t;
            });
    refresher.scheduleWithFixedDelay(
        () -> {
          try {
            refresh(ui);
          } catch (RuntimeException e) {
            // the UI is gone; detach stops the refresher
          }
        },
        1,
        1,
        TimeUnit.SECONDS);
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (refresher != null) {
      refresher.shutdownNow();
      refresher = null;
    }
    super.onDetach(event);
  }

  Long selectedJob() {
    return selected;
  }

  LineChart lossChart() {
    return Objects.requireNonNull(losses);
  }

  LineChart mapChart() {
    return map;
  }
}
