package org.concepthash.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.concepthash.accounts.Role;
import org.concepthash.catalog.CatalogException;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ClassView;
import org.concepthash.catalog.ImageFilter;
import org.concepthash.catalog.ImageView;
import org.concepthash.catalog.PageOf;
import org.concepthash.data.Split;

/** The catalog: a gallery of thumbnails with filters, counts, selection and labelling. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Catalog | ConceptHash")
@StyleSheet("context://frontend/concepthash.css")
@Prototype
public class CatalogView extends VerticalLayout implements BeforeEnterObserver {

  static final int PAGE_SIZE = 60;
  private static final String ALL = "All";

  private final CatalogService catalog;
  private final UiAccess access;
  private final ComboBox<String> classFilter = new ComboBox<>("Class");
  private final ComboBox<String> familyFilter = new ComboBox<>("Family");
  private final Select<String> labelledFilter = new Select<>();
  private final Select<String> splitFilter = new Select<>();
  private final Span count = new Span();
  private final Div gallery = new Div();
  private final Button more = new Button("Load more");
  private final Paragraph empty =
      new Paragraph(
          "No images here. Upload some (Upload & label), or import a data set from the command"
              + " line: concepthash import --format imagefolder DIR");
  private final LabelAssigner assigner = new LabelAssigner();
  private final Set<Long> selection = new LinkedHashSet<>();
  private int loadedPages;
  private long total;

  public CatalogView(CatalogService catalog, UiAccess access) {
    this.catalog = catalog;
    this.access = access;
    setSizeFull();
    classFilter.setId("filter-class");
    classFilter.setClearButtonVisible(true);
    familyFilter.setId("filter-family");
    familyFilter.setClearButtonVisible(true);
    labelledFilter.setLabel("Labels");
    labelledFilter.setItems(ALL, "Labelled", "Unlabelled");
    labelledFilter.setValue(ALL);
    splitFilter.setLabel("Split");
    splitFilter.setItems(ALL, "train", "test", "unspecified");
    splitFilter.setValue(ALL);
    List.of(classFilter, familyFilter).forEach(f -> f.addValueChangeListener(e -> reload()));
    List.of(labelledFilter, splitFilter).forEach(f -> f.addValueChangeListener(e -> reload()));
    count.setId("catalog-count");
    gallery.setId("gallery");
    gallery.addClassName("ch-gallery");
    more.setId("load-more");
    more.addClickListener(e -> loadPage());
    assigner.addAssignListener(e -> labelSelection(e.className(), e.isNew()));
    // labelling is a curator's; viewers browse (the handler checks again on the server)
    assigner.setVisible(access.allows(Role.CURATOR));
    HorizontalLayout filters =
        new HorizontalLayout(classFilter, familyFilter, labelledFilter, splitFilter, count);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);
    empty.setId("catalog-empty");
    empty.addClassName("ch-empty-state");
    add(filters, assigner, empty, gallery, more);
    refreshClasses();
    reload();
  }

  /** The view may be reused across navigations, and the role may have changed in between. */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    assigner.setVisible(access.allows(Role.CURATOR));
  }

  private void refreshClasses() {
    List<ClassView> classes = catalog.classes();
    assigner.setClasses(classes);
    classFilter.setItems(classes.stream().map(ClassView::name).toList());
    familyFilter.setItems(
        classes.stream()
            .map(ClassView::family)
            .filter(Objects::nonNull)
            .distinct()
            .sorted()
            .toList());
  }

  ImageFilter filter() {
    Boolean labelled =
        switch (labelledFilter.getValue()) {
          case "Labelled" -> true;
          case "Unlabelled" -> false;
          default -> null;
        };
    Split split = ALL.equals(splitFilter.getValue()) ? null : Split.parse(splitFilter.getValue());
    return new ImageFilter(classFilter.getValue(), familyFilter.getValue(), labelled, split);
  }

  void reload() {
    gallery.removeAll();
    selection.clear();
    assigner.setSelectionSize(0);
    loadedPages = 0;
    loadPage();
  }

  private void loadPage() {
    PageOf<ImageView> page = catalog.list(filter(), loadedPages, PAGE_SIZE);
    loadedPages++;
    total = page.totalSize();
    for (ImageView image : page.content()) {
      gallery.add(new ImageCard(image, false, on -> toggle(image.id(), on)));
    }
    count.setText(total == 1 ? "1 image" : total + " images");
    empty.setVisible(total == 0);
    more.setVisible((long) loadedPages * PAGE_SIZE < total);
  }

  private void toggle(long id, boolean on) {
    if (on) {
      selection.add(id);
    } else {
      selection.remove(id);
    }
    assigner.setSelectionSize(selection.size());
  }

  private void labelSelection(String className, boolean isNew) {
    try {
      access.require(Role.CURATOR);
      catalog.setLabels(selection, className, isNew, access.actor());
      Notification.show("Labelled " + selection.size() + " image(s) as " + className)
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      refreshClasses();
      reload();
    } catch (CatalogException | IllegalArgumentException | AccessDeniedException e) {
      Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }

  long total() {
    return total;
  }

  Set<Long> selection() {
    return selection;
  }
}
