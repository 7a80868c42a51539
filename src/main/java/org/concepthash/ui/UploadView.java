package org.concepthash.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.micronaut.context.annotation.Prototype;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.concepthash.accounts.RateLimitedException;
import org.concepthash.accounts.Role;
import org.concepthash.accounts.UploadLimiter;
import org.concepthash.catalog.CatalogException;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ImageIngest;
import org.concepthash.catalog.IngestRequest;
import org.concepthash.catalog.IngestResult;
import org.concepthash.catalog.ingest.IngestRefusedException;
import org.concepthash.data.Split;

/**
 * Multi-file upload with a result per file (accepted, duplicate, refused with the reason), then one
 * class for any selection of the uploaded images.
 */
@Route(value = "upload", layout = MainLayout.class)
@PageTitle("Upload & label | ConceptHash")
@RequiresRole(Role.CURATOR)
@Prototype
public class UploadView extends VerticalLayout {

  /** The outcome of one uploaded file; {@code imageId} is null when refused. */
  record UploadOutcome(String fileName, String result, String detail, Long imageId) {}

  private final CatalogService catalog;
  private final ImageIngest ingest;
  private final UiAccess access;
  private final UploadLimiter uploads;
  private final Select<String> split = new Select<>();
  private final Grid<UploadOutcome> results = new Grid<>(UploadOutcome.class, false);
  private final LabelAssigner assigner = new LabelAssigner();
  private final List<UploadOutcome> outcomes = new ArrayList<>();
  private final GridListDataView<UploadOutcome> rows = results.setItems(outcomes);

  /**
   * Current labels of the uploaded images, kept beside the rows so relabelling keeps the selection.
   */
  private final Map<Long, String> labels = new HashMap<>();

  public UploadView(
      CatalogService catalog, ImageIngest ingest, UiAccess access, UploadLimiter uploads) {
    this.catalog = catalog;
    this.ingest = ingest;
    this.access = access;
    this.uploads = uploads;
    split.setLabel("Split of new images");
    split.setItems("unspecified", "train", "test");
    split.setValue("unspecified");
    Upload upload =
        new Upload(
            UploadHandler.inMemory(
                (metadata, bytes) -> {
                  UI ui = UI.getCurrent();
                  UploadOutcome outcome = store(metadata.fileName(), bytes);
                  ui.access(() -> addOutcome(outcome));
                }));
    upload.setId("upload");
    upload.setAcceptedFileTypes("image/*", ".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif");
    upload.setMaxFiles(500);
    results.setId("upload-results");
    results.addColumn(UploadOutcome::fileName).setHeader("File").setFlexGrow(2);
    results.addColumn(UploadOutcome::result).setHeader("Result");
    results.addColumn(UploadOutcome::detail).setHeader("Details").setFlexGrow(3);
    results.addColumn(o -> labels.getOrDefault(o.imageId(), "")).setHeader("Label");
    results.setSelectionMode(Grid.SelectionMode.MULTI);
    results.addSelectionListener(e -> assigner.setSelectionSize(selectedIds().size()));
    assigner.addAssignListener(e -> label(e.className(), e.isNew()));
    assigner.setClasses(catalog.classes());
    add(
        new Paragraph(
            "Drop JPEG, PNG, WebP, BMP or GIF files. Each is checked, stored once (duplicates are"
                + " recognised by content) and can then be labelled."),
        split,
        upload,
        assigner,
        results);
  }

  UploadOutcome store(String fileName, byte[] bytes) {
    try {
      access.require(Role.CURATOR);
      uploads.acquire(access.actor());
      IngestResult r =
          ingest.ingest(
              new ByteArrayInputStream(bytes),
              IngestRequest.upload(fileName, null, Split.parse(split.getValue()), access.actor()));
      if (r.image().label() != null) {
        labels.put(r.image().id(), r.image().label());
      }
      return new UploadOutcome(
          fileName,
          r.duplicate() ? "duplicate" : "accepted",
          r.duplicate()
              ? "already in the catalog as image " + r.image().id()
              : "image " + r.image().id(),
          r.image().id());
    } catch (IngestRefusedException | AccessDeniedException | RateLimitedException e) {
      return new UploadOutcome(fileName, "refused", e.getMessage(), null);
    } catch (Exception e) {
      return new UploadOutcome(fileName, "refused", "could not store: " + e.getMessage(), null);
    }
  }

  void addOutcome(UploadOutcome outcome) {
    rows.addItem(outcome);
    if (outcome.imageId() != null) {
      results.select(outcome);
    }
  }

  private List<Long> selectedIds() {
    return results.getSelectedItems().stream()
        .map(UploadOutcome::imageId)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  private void label(String className, boolean isNew) {
    List<Long> ids = selectedIds();
    try {
      access.require(Role.CURATOR);
      catalog.setLabels(ids, className, isNew, access.actor());
      ids.forEach(id -> labels.put(id, className));
      rows.refreshAll();
      assigner.setClasses(catalog.classes());
      Notification.show("Labelled " + ids.size() + " image(s) as " + className)
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    } catch (CatalogException | IllegalArgumentException | AccessDeniedException e) {
      Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }

  List<UploadOutcome> outcomes() {
    return outcomes;
  }
}
