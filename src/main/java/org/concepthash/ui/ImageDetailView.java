package org.concepthash.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.concepthash.accounts.Role;
import org.concepthash.catalog.CatalogException;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ImageView;
import org.concepthash.catalog.LabelEvent;

/** One image: large picture, metadata, label history and relabelling. */
@Route(value = "images/:id", layout = MainLayout.class)
@PageTitle("Image | ConceptHash")
@Prototype
public class ImageDetailView extends VerticalLayout implements BeforeEnterObserver {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private final CatalogService catalog;
  private final UiAccess access;
  private final LabelAssigner assigner = new LabelAssigner();
  private final Grid<LabelEvent> history = new Grid<>(LabelEvent.class, false);
  private final Div metadata = new Div();
  private final H2 title = new H2();
  private final Image picture = new Image();
  private long imageId;

  public ImageDetailView(CatalogService catalog, UiAccess access) {
    this.catalog = catalog;
    this.access = access;
    picture.addClassName("ch-detail-image");
    metadata.setId("image-metadata");
    history.setId("label-history");
    history.addColumn(e -> e.label() == null ? "(removed)" : e.label()).setHeader("Label");
    history.addColumn(LabelEvent::by).setHeader("By");
    history.addColumn(e -> TIME.format(e.at())).setHeader("When");
    history.addColumn(e -> e.current() ? "current" : "").setHeader("");
    history.setAllRowsVisible(true);
    assigner.setSelectionSize(1);
    assigner.addAssignListener(e -> relabel(e.className(), e.isNew()));
    VerticalLayout side = new VerticalLayout(metadata, assigner, history);
    side.setPadding(false);
    HorizontalLayout body = new HorizontalLayout(picture, side);
    body.setWidthFull();
    add(title, body);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Optional<Long> id = event.getRouteParameters().getLong("id");
    Optional<ImageView> image = id.flatMap(catalog::find);
    if (image.isEmpty()) {
      event.rerouteToError(
          IllegalArgumentException.class, "No image " + id.map(String::valueOf).orElse(""));
      return;
    }
    imageId = image.get().id();
    // relabelling is a curator's (the handler checks again); set per navigation, the view is reused
    assigner.setVisible(access.allows(Role.CURATOR));
    show(image.get());
  }

  private void show(ImageView image) {
    title.setText(image.originalName());
    picture.setSrc("/api/images/" + image.id() + "/content");
    picture.setAlt(image.originalName());
    metadata.removeAll();
    metadata.add(
        row(
            "Label",
            image.labelled()
                ? image.labelDisplayName() + " (" + image.label() + ")"
                : "unlabelled"),
        row("Family", image.family() == null ? "-" : image.family()),
        row(
            "Size",
            image.width()
                + " x "
                + image.height()
                + " px, "
                + image.byteSize() / 1024
                + " KiB (PNG)"),
        row("Split", image.split()),
        row("Source", image.source()),
        row("Added", TIME.format(image.createdAt())),
        row("SHA-256", image.sha256()));
    com.vaadin.flow.router.RouterLink search =
        new com.vaadin.flow.router.RouterLink("Search with this image", SearchView.class);
    search.setQueryParameters(
        com.vaadin.flow.router.QueryParameters.of("image", String.valueOf(image.id())));
    search.setId("search-with-image");
    metadata.add(search);
    assigner.setClasses(catalog.classes());
    history.setItems(catalog.labelHistory(image.id()));
  }

  private static Div row(String name, String value) {
    Span n = new Span(name + ": ");
    n.addClassName("ch-meta-name");
    return new Div(n, new Span(value));
  }

  private void relabel(String className, boolean isNew) {
    try {
      access.require(Role.CURATOR);
      catalog.setLabels(java.util.List.of(imageId), className, isNew, access.actor());
      show(catalog.find(imageId).orElseThrow());
      Notification.show("Label set to " + className)
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    } catch (CatalogException | IllegalArgumentException | AccessDeniedException e) {
      Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }
}
