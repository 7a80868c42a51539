package org.concepthash.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.concepthash.accounts.Role;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ImageFilter;
import org.concepthash.catalog.ImageIngest;
import org.concepthash.catalog.IngestRequest;
import org.concepthash.catalog.LabelEvent;
import org.concepthash.catalog.NewClass;
import org.concepthash.data.Split;
import org.concepthash.testing.KaribuViews;
import org.concepthash.testing.TestCatalog;
import org.concepthash.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The catalog views, browserless (Karibu), on the real services and a real PostgreSQL. The upload
 * test adds images, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogViewsIT {

  private static TestCatalog app;
  private static CatalogService catalog;
  private static List<Long> ids;

  /** A curator: labelling and upload are a curator's (role checks: ViewAccessIT). */
  @RegisterExtension
  final KaribuViews views = KaribuViews.on(() -> app).signedInAs("test-curator", Role.CURATOR);

  @BeforeAll
  static void startAndSeed() throws Exception {
    app = TestCatalog.services();
    catalog = app.bean(CatalogService.class);
    ImageIngest ingest = app.bean(ImageIngest.class);
    catalog.createClass(new NewClass("red_tailed_hawk", null, "hawk"), "test");
    ids = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String label = i < 2 ? "red_tailed_hawk" : null;
      ids.add(
          ingest
              .ingest(
                  new ByteArrayInputStream(TestImages.png(24, 24, i)),
                  IngestRequest.upload(
                      "bird" + i + ".png", label, i % 2 == 0 ? Split.TRAIN : Split.TEST, "test"))
              .image()
              .id());
    }
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void catalogShowsEveryImageWithItsLabelAndCount() {
    UI.getCurrent().navigate(CatalogView.class);
    CatalogView view = _get(CatalogView.class);
    assertEquals("5 images", _get(Span.class, s -> s.withId("catalog-count")).getText());
    assertEquals(5, _find(view, ImageCard.class).size());
    long hawks = _find(view, Span.class, s -> s.withText("red tailed hawk")).size();
    assertEquals(2, hawks);
  }

  @Test
  void filtersNarrowTheGallery() {
    UI.getCurrent().navigate(CatalogView.class);
    @SuppressWarnings("unchecked")
    ComboBox<String> family = _get(ComboBox.class, s -> s.withId("filter-family"));
    family.setValue("hawk");
    assertEquals("2 images", _get(Span.class, s -> s.withId("catalog-count")).getText());
    family.clear();
    @SuppressWarnings("unchecked")
    Select<String> labels = _get(Select.class, s -> s.withLabel("Labels"));
    labels.setValue("Unlabelled");
    assertEquals("3 images", _get(Span.class, s -> s.withId("catalog-count")).getText());
    @SuppressWarnings("unchecked")
    Select<String> split = _get(Select.class, s -> s.withLabel("Split"));
    split.setValue("train");
    // unlabelled seeds 2, 3, 4; even ones are train
    assertEquals(2, _find(_get(Div.class, s -> s.withId("gallery")), ImageCard.class).size());
  }

  @Test
  void selectedImagesAreLabelledWithANewClassInOneStep() {
    UI.getCurrent().navigate(CatalogView.class);
    @SuppressWarnings("unchecked")
    Select<String> labels = _get(Select.class, s -> s.withLabel("Labels"));
    labels.setValue("Unlabelled");
    List<ImageCard> cards = _find(_get(Div.class, s -> s.withId("gallery")), ImageCard.class);
    _get(cards.get(0), Checkbox.class).setValue(true);
    _get(cards.get(1), Checkbox.class).setValue(true);
    @SuppressWarnings("unchecked")
    ComboBox<String> cls = _get(ComboBox.class, s -> s.withId("label-class"));
    cls.setValue("cooper_hawk");
    Button apply = _get(Button.class, s -> s.withId("label-apply"));
    assertEquals("Label 2 selected images", apply.getText());
    apply.click();
    assertEquals(
        2, catalog.list(new ImageFilter("cooper_hawk", null, null, null), 0, 10).totalSize());
    assertTrue(catalog.findClass("cooper_hawk").isPresent());
    // relabel them back so other tests see the seeded state
    catalog.setLabels(
        catalog.list(new ImageFilter("cooper_hawk", null, null, null), 0, 10).content().stream()
            .map(i -> i.id())
            .toList(),
        null,
        false,
        "test");
  }

  @Test
  void imageDetailShowsMetadataAndRecordsRelabellingInTheHistory() {
    long id = ids.get(0);
    UI.getCurrent().navigate("images/" + id);
    ImageDetailView view = _get(ImageDetailView.class);
    assertTrue(
        _get(Div.class, s -> s.withId("image-metadata"))
            .getElement()
            .getTextRecursively()
            .contains("24 x 24 px"));
    @SuppressWarnings("unchecked")
    ComboBox<String> cls = _get(view, ComboBox.class, s -> s.withId("label-class"));
    cls.setValue("red_tailed_hawk");
    catalog.createClass(new NewClass("harris_hawk", null, "hawk"), "test");
    cls.setValue("harris_hawk");
    _get(view, Button.class, s -> s.withId("label-apply")).click();
    List<LabelEvent> history = catalog.labelHistory(id);
    assertEquals("harris_hawk", history.get(history.size() - 1).label());
    assertEquals(
        "test-curator", history.get(history.size() - 1).by(), "recorded for the signed-in user");
    @SuppressWarnings("unchecked")
    Grid<LabelEvent> grid = _get(Grid.class, s -> s.withId("label-history"));
    assertEquals(history.size(), grid.getGenericDataView().getItems().count());
    catalog.setLabel(id, "red_tailed_hawk", "test");
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void uploadViewReportsAcceptedDuplicateAndRefusedFiles() {
    UI.getCurrent().navigate(UploadView.class);
    UploadView view = _get(UploadView.class);
    view.addOutcome(view.store("new.png", TestImages.png(20, 20, 99)));
    view.addOutcome(view.store("again.png", TestImages.png(24, 24, 0)));
    view.addOutcome(view.store("notes.jpg", "not an image".getBytes()));
    List<UploadView.UploadOutcome> outcomes = view.outcomes();
    assertEquals(
        List.of("accepted", "duplicate", "refused"),
        outcomes.stream().map(UploadView.UploadOutcome::result).toList());
    assertTrue(outcomes.get(2).detail().startsWith("not an image"));
    // the accepted and the duplicate are selected for labelling, the refused one is not selectable
    assertEquals(
        "Label 2 selected images",
        _get(view, Button.class, s -> s.withId("label-apply")).getText());
    catalog.setLabels(List.of(outcomes.get(0).imageId()), null, false, "test");
  }

  @Test
  void modelViewsExplainWhatIsMissingUntilAModelIsActive() {
    UI.getCurrent().navigate(SearchView.class);
    assertInstanceOf(ModelStatusPanel.class, _get(ModelStatusPanel.class));
    assertTrue(
        _get(ModelStatusPanel.class)
            .getElement()
            .getTextRecursively()
            .contains("needs an active model"));
    assertEquals(
        "training",
        _get(com.vaadin.flow.router.RouterLink.class, s -> s.withId("go-to-training")).getHref());
    UI.getCurrent().navigate(ConceptsView.class);
    assertTrue(
        _get(ModelStatusPanel.class)
            .getElement()
            .getTextRecursively()
            .contains("No model is active"));
  }
}
