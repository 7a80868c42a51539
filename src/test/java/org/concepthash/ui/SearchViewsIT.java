package org.concepthash.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.concepthash.accounts.Role;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ImageFilter;
import org.concepthash.search.IndexEntry;
import org.concepthash.serving.CatalogSearchIndex;
import org.concepthash.serving.ModelRegistry;
import org.concepthash.serving.query.SearchAnswer;
import org.concepthash.testing.KaribuViews;
import org.concepthash.testing.SearchCatalog;
import org.concepthash.testing.TestCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The search view and the concept atlas, browserless (Karibu), on a real catalog, model and
 * database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchViewsIT {

  private static TestCatalog app;
  private static SearchCatalog.Seeded seeded;

  /**
   * A curator: adding a query to the catalog and naming concepts are a curator's (roles:
   * ViewAccessIT).
   */
  @RegisterExtension
  final KaribuViews views = KaribuViews.on(() -> app).signedInAs("test-curator", Role.CURATOR);

  @BeforeAll
  static void startAndSeed() throws Exception {
    app = TestCatalog.services();
    seeded = SearchCatalog.seed(app, 6, 5);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static SearchView uploadQuery() {
    UI.getCurrent().navigate(SearchView.class);
    SearchView view = _get(SearchView.class);
    view.searchUpload("query.png", SearchCatalog.newBird(seeded, 3, 40));
    return view;
  }

  private static int[] cardDistances(SearchView view) {
    return view.cards().stream()
        .mapToInt(c -> Integer.parseInt(c.getElement().getAttribute("data-distance")))
        .toArray();
  }

  @Test
  @Order(1)
  void uploadShowsTheQueryCodeAndRankedResultsWithDistanceBars() {
    SearchView view = uploadQuery();
    SearchAnswer a = view.answer();
    assertNotNull(a);
    assertEquals(seeded.model().id(), a.model().id());
    assertEquals(
        a.query().subCodes().get(0), _get(Span.class, s -> s.withId("subcode-0")).getText());
    assertEquals(
        a.query().subCodes().get(1), _get(Span.class, s -> s.withId("subcode-1")).getText());
    assertTrue(
        _get(Span.class, s -> s.withId("query-predicted")).getText().startsWith("Predicted: "));
    assertEquals(10, view.cards().size());
    int previous = -1;
    for (ResultCard card : view.cards()) {
      SearchAnswer.Result r = card.result();
      List<Div> segments = _find(card, Div.class, s -> s.withClasses("ch-dist-seg"));
      assertEquals(2, segments.size());
      assertEquals(
          String.valueOf(r.conceptDistances()[0]),
          segments.get(0).getElement().getAttribute("data-distance"));
      assertEquals("tail", segments.get(1).getElement().getAttribute("data-concept"));
      assertTrue(r.distance() >= previous, "ranked by distance");
      previous = r.distance();
      assertEquals(
          r.explanation(), _get(card, Span.class, s -> s.withClasses("ch-explanation")).getText());
    }

    @SuppressWarnings("unchecked")
    Select<Integer> k = _get(Select.class, s -> s.withId("search-k"));
    k.setValue(5);
    assertEquals(5, view.cards().size());
  }

  @Test
  @Order(2)
  void restrictingToOneConceptRanksByItsDistance() {
    SearchView view = uploadQuery();
    @SuppressWarnings("unchecked")
    CheckboxGroup<Integer> concepts = _get(CheckboxGroup.class, s -> s.withId("search-concepts"));
    concepts.setValue(Set.of(1));
    assertEquals(2L, view.answer().conceptMask());
    assertEquals(
        "10 results, ranked on tail", _get(Span.class, s -> s.withId("result-summary")).getText());
    int[] shown = cardDistances(view);
    for (int i = 0; i < shown.length; i++) {
      assertEquals(view.cards().get(i).result().conceptDistances()[1], shown[i]);
      assertTrue(i == 0 || shown[i - 1] <= shown[i]);
    }
    // the bar fades the concept that was left out
    assertTrue(
        _find(view.cards().get(0), Div.class, s -> s.withClasses("ch-dist-unselected")).size()
            == 1);
  }

  @Test
  @Order(3)
  void groupsByFamilyOnDemand() {
    SearchView view = uploadQuery();
    Set<String> families = new HashSet<>();
    view.answer().results().forEach(r -> families.add(r.family()));
    assertTrue(_find(view, H4.class).isEmpty());
    _get(Checkbox.class, s -> s.withId("group-by-family")).setValue(true);
    assertEquals(families.size(), _find(view, H4.class).size());
    assertEquals(10, view.cards().size());
  }

  @Test
  @Order(4)
  void attentionOverlaysFollowTheChosenConceptAndCompareShowsEachConcept() {
    SearchView view = uploadQuery();
    @SuppressWarnings("unchecked")
    Select<String> overlay = _get(Select.class, s -> s.withId("overlay-concept"));
    overlay.setValue("1");
    AttentionOverlay query = _get(AttentionOverlay.class, s -> s.withId("query-overlay"));
    assertEquals("1", query.concept());
    for (ResultCard card : view.cards()) {
      assertEquals("1", card.overlay().concept());
      assertTrue(card.overlay().hasMaps(), "result maps are loaded when an overlay is shown");
      assertTrue(card.overlay().getElement().getAttribute("maps").startsWith("[["));
    }
    overlay.setValue("all");
    assertEquals("all", view.cards().get(0).overlay().concept());

    _get(view.cards().get(0), Button.class, s -> s.withText("Compare")).click();
    CompareDialog dialog = _get(CompareDialog.class);
    List<Div> rows = _find(dialog, Div.class, s -> s.withClasses("ch-compare-row"));
    assertEquals(2, rows.size());
    assertEquals(2, _find(rows.get(0), AttentionOverlay.class).size());
    assertEquals("0", _find(rows.get(0), AttentionOverlay.class).get(1).concept());
  }

  @Test
  @Order(5)
  void catalogImageLinkSearchesRestrictedAndLeavesTheQueryOut() {
    long id = seeded.imageIds().get(7);
    UI.getCurrent()
        .navigate(
            "search",
            com.vaadin.flow.router.QueryParameters.simple(
                java.util.Map.of("image", String.valueOf(id), "concepts", "0")));
    SearchView view = _get(SearchView.class);
    assertEquals(id, view.answer().query().catalogImageId());
    assertEquals(1L, view.answer().conceptMask());
    assertFalse(view.answer().results().stream().anyMatch(r -> r.imageId() == id));
    assertTrue(
        _find(view, Button.class, s -> s.withId("add-to-catalog")).isEmpty(),
        "already in the catalog");
  }

  @Test
  @Order(5)
  void imageDetailsLinkToASearchWithTheImage() {
    long id = seeded.imageIds().get(2);
    UI.getCurrent().navigate("images/" + id);
    assertEquals(
        "search?image=" + id,
        _get(com.vaadin.flow.router.RouterLink.class, s -> s.withId("search-with-image"))
            .getHref());
  }

  @Test
  @Order(6)
  void atlasListsFrequentSubCodesWithExemplarsThatCarryThem() {
    UI.getCurrent().navigate(ConceptsView.class);
    ConceptsView view = _get(ConceptsView.class);
    List<Div> concepts = _find(view, Div.class, s -> s.withClasses("ch-atlas-concept"));
    assertEquals(2, concepts.size());
    var snapshot = app.bean(CatalogSearchIndex.class).index().orElseThrow().snapshot();
    for (int m = 0; m < 2; m++) {
      long total = 0;
      long previous = Long.MAX_VALUE;
      for (Div value : _find(concepts.get(m), Div.class, s -> s.withClasses("ch-value"))) {
        String bits = value.getElement().getAttribute("data-value");
        long count =
            Long.parseLong(
                _get(value, Span.class, s -> s.withClasses("ch-meta-name"))
                    .getText()
                    .split(" ")[0]);
        assertTrue(count <= previous, "most frequent first");
        previous = count;
        total += count;
        List<Div> exemplars = _find(value, Div.class, s -> s.withClasses("ch-exemplar"));
        assertEquals(Math.min(count, ConceptsView.EXEMPLARS_PER_VALUE), exemplars.size());
        for (Div e : exemplars) {
          IndexEntry entry =
              snapshot
                  .get(Long.parseLong(e.getElement().getAttribute("data-image-id")))
                  .orElseThrow();
          assertEquals(
              bits, subCode(entry.code()[0], m), "an exemplar carries the value it illustrates");
          assertTrue(e.getStyle().get("background-image").contains("/api/images/"));
        }
      }
      assertTrue(total > 0 && total <= 30);
    }
  }

  @Test
  @Order(7)
  void atlasRenamesConceptsAndExemplarsOpenARestrictedSearch() {
    UI.getCurrent().navigate(ConceptsView.class);
    TextField name = _get(TextField.class, s -> s.withId("concept-name-0"));
    name.setValue("crown");
    ModelRegistry registry = app.bean(ModelRegistry.class);
    assertEquals(
        List.of("crown", "tail"), registry.find(seeded.model().id()).orElseThrow().conceptNames());
    name.setValue("tail"); // a duplicate is refused
    assertEquals(
        List.of("crown", "tail"), registry.find(seeded.model().id()).orElseThrow().conceptNames());

    Div section =
        _find(_get(ConceptsView.class), Div.class, s -> s.withClasses("ch-atlas-concept")).get(1);
    Div exemplar = _find(section, Div.class, s -> s.withClasses("ch-exemplar")).get(0);
    ComponentUtil.fireEvent(exemplar, new ClickEvent<>(exemplar));
    SearchView search = _get(SearchView.class);
    assertEquals(2L, search.answer().conceptMask());
    assertEquals(
        Long.parseLong(exemplar.getElement().getAttribute("data-image-id")),
        search.answer().query().catalogImageId());
    assertEquals(List.of("crown", "tail"), search.answer().conceptNames());
    registry.renameConcept(seeded.model().id(), 0, "head");
  }

  @Test
  @Order(8)
  void aViewerSearchesButCannotAddQueriesOrNameConcepts() {
    views.signIn("test-viewer", Role.VIEWER);
    SearchView search = uploadQuery();
    assertFalse(search.cards().isEmpty());
    assertTrue(_find(search, Button.class, s -> s.withId("add-to-catalog")).isEmpty());
    UI.getCurrent().navigate(ConceptsView.class);
    TextField name = _get(TextField.class, s -> s.withId("concept-name-0"));
    assertTrue(name.isReadOnly());
    // a forged change (the field is read-only in the browser) is refused on the server
    name.setValue("forged");
    assertEquals(
        List.of("head", "tail"),
        app.bean(ModelRegistry.class).find(seeded.model().id()).orElseThrow().conceptNames());
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void anUploadedQueryIsStoredOnlyWhenAddedToTheCatalog() {
    CatalogService catalog = app.bean(CatalogService.class);
    long before = catalog.list(new ImageFilter(null, null, null, null), 0, 1).totalSize();
    uploadQuery();
    assertEquals(before, catalog.list(new ImageFilter(null, null, null, null), 0, 1).totalSize());
    _get(Button.class, s -> s.withId("add-to-catalog")).click();
    assertEquals(
        before + 1, catalog.list(new ImageFilter(null, null, null, null), 0, 1).totalSize());
  }

  private static String subCode(long word, int m) {
    StringBuilder s = new StringBuilder();
    for (int j = 4 * m; j < 4 * m + 4; j++) {
      s.append((word >>> j & 1L) != 0 ? '1' : '0');
    }
    return s.toString();
  }
}
