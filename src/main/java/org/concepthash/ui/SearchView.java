package org.concepthash.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadHandler;
import io.micronaut.context.annotation.Prototype;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.concepthash.accounts.Role;
import org.concepthash.catalog.CatalogException;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ImageFilter;
import org.concepthash.catalog.ImageView;
import org.concepthash.catalog.ingest.IngestRefusedException;
import org.concepthash.serving.ModelVersion;
import org.concepthash.serving.query.AttentionMaps;
import org.concepthash.serving.query.AttentionService;
import org.concepthash.serving.query.QueryImage;
import org.concepthash.serving.query.QueryImages;
import org.concepthash.serving.query.QueryService;
import org.concepthash.serving.query.SearchAnswer;

/**
 * Search by image and see why each result matched: the query's code per concept, the top-k
 * neighbours with per-concept distance bars and explanations, attention overlays, side-by-side
 * comparison, search restricted to chosen concepts and grouping by family. Opens with {@code
 * ?image=ID&concepts=0,2} to search with a catalog image (the atlas links here).
 */
@Route(value = "search", layout = MainLayout.class)
@PageTitle("Search | ConceptHash")
@StyleSheet("context://frontend/concepthash.css")
@Prototype
public class SearchView extends VerticalLayout implements BeforeEnterObserver {

  static final List<Integer> K_CHOICES = List.of(5, 10, 20, 50);
  static final int GALLERY_SIZE = 48;

  private final QueryService queries;
  private final QueryImages images;
  private final AttentionService attention;
  private final CatalogService catalog;
  private final ModelVersion model;
  private final UiAccess access;

  private final Select<Integer> k = new Select<>();
  private final CheckboxGroup<Integer> concepts = new CheckboxGroup<>("Match on");
  private final Checkbox groupByFamily = new Checkbox("Group by family");
  private final Select<String> overlayChoice = new Select<>();
  private final Input opacity = new Input(ValueChangeMode.ON_CHANGE);
  private final Div queryPanel = new Div();
  private final Span summary = new Span();
  private final Div results = new Div();
  private final List<ResultCard> cards = new ArrayList<>();

  private QueryImage query;
  private String querySrc;
  private SearchAnswer answer;
  private AttentionOverlay queryOverlay;

  /** Beside the query's overlay while it shows a concept marked unreliable. */
  private final Span overlayWarning = new Span();

  public SearchView(
      QueryService queries,
      QueryImages images,
      AttentionService attention,
      CatalogService catalog,
      UiAccess access) {
    this.access = access;
    this.queries = queries;
    this.images = images;
    this.attention = attention;
    this.catalog = catalog;
    this.model = queries.activeModel().orElse(null);
    addClassName("ch-search");
    if (model == null) {
      ModelStatusPanel panel =
          new ModelStatusPanel(
              "Search by image",
              "Search needs an active model. No model is active for this catalog yet: label some"
                  + " images and train one, or register a model package trained elsewhere.");
      RouterLink training = new RouterLink("Go to training", TrainingView.class);
      training.setId("go-to-training");
      panel.add(training);
      add(panel);
      return;
    }
    add(
        new H2("Search by image"),
        new Paragraph(
            "Model "
                + model.id()
                + ": "
                + model.bits()
                + "-bit codes, "
                + model.concepts()
                + " concepts of "
                + model.bitsPerConcept()
                + " bits."));
    add(querySources(), controls(), queryPanel, summary, results);
    queryPanel.setId("query-panel");
    queryPanel.addClassName("ch-query");
    queryPanel.setVisible(false);
    summary.setId("result-summary");
    results.setId("search-results");
    // full width, or the results grid shrinks to one column inside the vertical layout
    results.setWidthFull();
    queryPanel.setWidthFull();
  }

  private HorizontalLayout querySources() {
    Upload upload =
        new Upload(
            UploadHandler.inMemory(
                (metadata, bytes) -> {
                  UI ui = UI.getCurrent();
                  ui.access(() -> searchUpload(metadata.fileName(), bytes));
                }));
    upload.setId("query-upload");
    upload.setMaxFiles(1);
    upload.setDropLabel(new Span("Drop a query image (it is not stored unless you add it)"));
    upload.setAcceptedFileTypes("image/*", ".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif");
    // a new query replaces the old one: clear the finished file so another can be dropped
    upload.addSucceededListener(e -> upload.clearFileList());
    Button pick = new Button("Pick from catalog", e -> openPicker());
    pick.setId("pick-from-catalog");
    HorizontalLayout row = new HorizontalLayout(upload, pick);
    row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    return row;
  }

  private HorizontalLayout controls() {
    k.setLabel("Results");
    k.setId("search-k");
    k.setItems(K_CHOICES);
    k.setValue(10);
    k.addValueChangeListener(e -> rerun());
    List<String> names = org.concepthash.serving.query.ConceptNames.display(model.conceptNames());
    List<Integer> indices = new ArrayList<>();
    for (int m = 0; m < model.concepts(); m++) {
      indices.add(m);
    }
    concepts.setId("search-concepts");
    concepts.setItems(indices);
    concepts.setItemLabelGenerator(names::get);
    concepts.setValue(new LinkedHashSet<>(indices));
    concepts.addValueChangeListener(
        e -> {
          if (e.isFromClient() && e.getValue().isEmpty()) {
            concepts.setValue(e.getOldValue()); // at least one concept: an empty mask ranks nothing
            return;
          }
          rerun();
        });
    groupByFamily.setId("group-by-family");
    groupByFamily.addValueChangeListener(e -> renderResults());
    List<String> choices = new ArrayList<>(List.of(AttentionOverlay.NONE, AttentionOverlay.ALL));
    indices.forEach(m -> choices.add(String.valueOf(m)));
    overlayChoice.setLabel("Attention");
    overlayChoice.setId("overlay-concept");
    overlayChoice.setItems(choices);
    overlayChoice.setItemLabelGenerator(
        c ->
            switch (c) {
              case AttentionOverlay.NONE -> "off";
              case AttentionOverlay.ALL -> "all concepts";
              default ->
                  ConceptTrust.label(model, Integer.parseInt(c), names.get(Integer.parseInt(c)));
            });
    overlayChoice.setValue(AttentionOverlay.NONE);
    overlayChoice.addValueChangeListener(e -> applyOverlay());
    opacity.setType("range");
    opacity.setId("overlay-opacity");
    opacity.getElement().setAttribute("min", "0");
    opacity.getElement().setAttribute("max", "100");
    opacity.setValue("60");
    opacity.addValueChangeListener(e -> applyOverlay());
    NativeLabel opacityLabel = new NativeLabel("Opacity");
    Div opacityBox = new Div(opacityLabel, opacity);
    opacityBox.addClassName("ch-opacity");
    HorizontalLayout row =
        new HorizontalLayout(k, concepts, groupByFamily, overlayChoice, opacityBox);
    row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    row.addClassName("ch-search-controls");
    return row;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (model == null) {
      return;
    }
    QueryParameters params = event.getLocation().getQueryParameters();
    Optional<String> image = params.getSingleParameter("image");
    params
        .getSingleParameter("concepts")
        .ifPresent(
            c -> {
              Set<Integer> chosen = new LinkedHashSet<>();
              for (String t : c.split(",")) {
                try {
                  int m = Integer.parseInt(t.strip());
                  if (m >= 0 && m < model.concepts()) {
                    chosen.add(m);
                  }
                } catch (NumberFormatException ignored) {
                  // a hand-edited link: keep the default selection
                }
              }
              if (!chosen.isEmpty()) {
                concepts.setValue(chosen);
              }
            });
    image.ifPresent(
        id -> {
          try {
            searchCatalogImage(Long.parseLong(id));
          } catch (NumberFormatException e) {
            error("'" + id + "' is not an image id");
          }
        });
  }

  /** Searches with an uploaded picture (validated like an ingest, not stored). */
  void searchUpload(String fileName, byte[] bytes) {
    try {
      start(images.upload(fileName, bytes));
    } catch (IngestRefusedException e) {
      error(fileName + ": " + e.getMessage());
    }
  }

  /** Searches with a catalog image. */
  void searchCatalogImage(long imageId) {
    try {
      start(images.catalogImage(imageId));
    } catch (CatalogException | IOException e) {
      error(e.getMessage());
    }
  }

  private void start(QueryImage q) {
    query = q;
    querySrc =
        q.catalogImageId().isPresent()
            ? "/api/images/" + q.catalogImageId().getAsLong() + "/content"
            : dataUrl(q.image());
    rerun();
  }

  private void rerun() {
    if (query == null) {
      return;
    }
    try {
      answer = queries.search(query, k.getValue(), mask());
    } catch (CatalogException | IOException e) {
      error(e.getMessage());
      return;
    }
    renderQuery();
    renderResults();
  }

  private long mask() {
    if (concepts.getValue().size() == concepts.getListDataView().getItemCount()) {
      // every concept: 0 lets a model activated since this page was built answer with all of its
      // own
      return 0;
    }
    long mask = 0;
    for (int m : concepts.getValue()) {
      mask |= 1L << m;
    }
    return mask;
  }

  private void renderQuery() {
    queryPanel.removeAll();
    queryPanel.setVisible(true);
    queryOverlay = new AttentionOverlay(querySrc, query.name());
    queryOverlay.setId("query-overlay");
    queryOverlay.setMaps(answer.query().attention());
    Div code = new Div();
    code.setId("query-code");
    code.addClassName("ch-code");
    for (int m = 0; m < answer.conceptNames().size(); m++) {
      Span chip = new Span(answer.conceptNames().get(m));
      chip.addClassName("ch-concept-chip");
      chip.getStyle().set("background", ConceptColours.of(m));
      Span bits = new Span(answer.query().subCodes().get(m));
      bits.addClassName("ch-bits");
      bits.setId("subcode-" + m);
      Div line = new Div(chip, bits);
      ConceptTrust.unreliableMark(answer.model(), m).ifPresent(line::add);
      line.addClassName("ch-code-line");
      code.add(line);
    }
    SearchAnswer.Prediction p = answer.query().predicted();
    Span predicted =
        new Span(
            p == null
                ? "no class prediction"
                : "Predicted: "
                    + p.displayName()
                    + (p.family() == null ? "" : " (family " + p.family() + ")")
                    + " - "
                    + p.distance()
                    + " bits from its centre, margin "
                    + p.margin());
    predicted.setId("query-predicted");
    Span title = new Span("Query: " + query.name());
    title.addClassName("ch-label");
    Div info =
        new Div(title, new Span("code " + answer.query().code() + " (hex)"), code, predicted);
    info.addClassName("ch-query-info");
    if (query.uploaded() && access.allows(Role.CURATOR)) {
      Button add = new Button("Add to catalog", e -> addQueryToCatalog(e.getSource()));
      add.setId("add-to-catalog");
      info.add(add);
    }
    overlayWarning.setId("overlay-unreliable");
    overlayWarning.addClassName("ch-unreliable");
    overlayWarning.getElement().getThemeList().addAll(List.of("badge", "error"));
    overlayWarning.setVisible(false);
    Div overlayBox = new Div(queryOverlay, overlayWarning);
    overlayBox.addClassName("ch-query-overlay");
    queryPanel.add(overlayBox, info);
  }

  private void renderResults() {
    results.removeAll();
    cards.clear();
    if (answer == null) {
      return;
    }
    List<String> selected = new ArrayList<>();
    for (int m = 0; m < answer.conceptNames().size(); m++) {
      if (answer.selected(m)) {
        selected.add(answer.conceptNames().get(m));
      }
    }
    summary.setText(answer.results().size() + " results, ranked on " + String.join(", ", selected));
    int[] widths = new int[answer.conceptNames().size()];
    for (int m = 0; m < widths.length; m++) {
      widths[m] = answer.model().layout().width(m);
    }
    Map<String, List<ResultCard>> groups = new LinkedHashMap<>();
    int rank = 0;
    for (SearchAnswer.Result r : answer.results()) {
      ResultCard card =
          new ResultCard(
              r,
              answer.conceptNames(),
              widths,
              answer.conceptMask(),
              rank++,
              this::compare,
              this::searchCatalogImage);
      cards.add(card);
      String family =
          groupByFamily.getValue() ? (r.family() == null ? "no family" : r.family()) : "";
      groups.computeIfAbsent(family, f -> new ArrayList<>()).add(card);
    }
    for (Map.Entry<String, List<ResultCard>> g : groups.entrySet()) {
      if (groupByFamily.getValue()) {
        H4 header = new H4(g.getKey() + " (" + g.getValue().size() + ")");
        header.addClassName("ch-family-header");
        results.add(header);
      }
      Div grid = new Div();
      grid.addClassName("ch-results");
      g.getValue().forEach(grid::add);
      results.add(grid);
    }
    applyOverlay();
  }

  /**
   * Shows the chosen concept's map on the query and every result; maps of results load on first
   * use.
   */
  private void applyOverlay() {
    if (answer == null) {
      return;
    }
    String concept = overlayChoice.getValue();
    double alpha = parseOpacity();
    if (!AttentionOverlay.NONE.equals(concept)) {
      List<Long> missing =
          cards.stream()
              .filter(c -> !c.overlay().hasMaps())
              .map(c -> c.result().imageId())
              .toList();
      if (!missing.isEmpty()) {
        try {
          Map<Long, AttentionMaps> maps = attention.forImages(missing, answer.model().id());
          cards.forEach(
              c -> {
                AttentionMaps a = maps.get(c.result().imageId());
                if (a != null) {
                  c.overlay().setMaps(a);
                }
              });
        } catch (CatalogException | IOException e) {
          error("attention maps: " + e.getMessage());
        }
      }
    }
    List<AttentionOverlay> all = new ArrayList<>();
    if (queryOverlay != null) {
      all.add(queryOverlay);
    }
    cards.forEach(c -> all.add(c.overlay()));
    for (AttentionOverlay o : all) {
      o.setConcept(concept);
      o.setOpacity(alpha);
    }
    // an overlay of a concept that does not find a consistent part is no evidence: say so beside it
    List<String> unreliable = new ArrayList<>();
    for (int m = 0; m < answer.conceptNames().size(); m++) {
      boolean shown = AttentionOverlay.ALL.equals(concept) || String.valueOf(m).equals(concept);
      if (shown && answer.model().unreliable(m)) {
        unreliable.add(answer.conceptNames().get(m));
      }
    }
    overlayWarning.setText("unreliable: " + String.join(", ", unreliable));
    overlayWarning.setVisible(!unreliable.isEmpty());
  }

  private double parseOpacity() {
    try {
      return Math.max(0, Math.min(100, Double.parseDouble(opacity.getValue()))) / 100.0;
    } catch (NumberFormatException e) {
      return 0.6;
    }
  }

  private void compare(SearchAnswer.Result r) {
    try {
      AttentionMaps maps = attention.forImage(r.imageId(), answer.model().id());
      new CompareDialog(answer, querySrc, r, maps, parseOpacity()).open();
    } catch (CatalogException | IOException e) {
      error(e.getMessage());
    }
  }

  private void addQueryToCatalog(com.vaadin.flow.component.Component button) {
    try {
      access.require(Role.CURATOR);
      ImageView added = images.addToCatalog(query, access.actor());
      button.getElement().setEnabled(false);
      Notification.show("Added to the catalog as image " + added.id())
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    } catch (IngestRefusedException | IOException | CatalogException | AccessDeniedException e) {
      error(e.getMessage());
    }
  }

  private void openPicker() {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Pick a query image");
    dialog.setId("picker");
    Div gallery = new Div();
    gallery.addClassName("ch-gallery");
    for (ImageView img :
        catalog.list(new ImageFilter(null, null, null, null), 0, GALLERY_SIZE).content()) {
      Image thumb = new Image("/api/images/" + img.id() + "/thumbnail", img.originalName());
      thumb.addClassName("ch-thumb");
      Div card = new Div(thumb, new Span(img.labelled() ? img.labelDisplayName() : "unlabelled"));
      card.addClassName("ch-card");
      card.addClassName("ch-pick");
      card.getElement().setAttribute("data-image-id", String.valueOf(img.id()));
      card.addClickListener(
          e -> {
            dialog.close();
            searchCatalogImage(img.id());
          });
      gallery.add(card);
    }
    dialog.add(gallery);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()));
    dialog.setWidth("80vw");
    dialog.open();
  }

  private void error(String message) {
    Notification.show(message).addThemeVariants(NotificationVariant.LUMO_ERROR);
  }

  /**
   * The picture as a data URL, at most 384 px on its longest side (the overlay draws at that size).
   */
  private static String dataUrl(BufferedImage image) {
    double scale = Math.min(1.0, 384.0 / Math.max(image.getWidth(), image.getHeight()));
    BufferedImage shown = image;
    if (scale < 1) {
      int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
      int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
      shown = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = shown.createGraphics();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.drawImage(image, 0, 0, w, h, null);
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(shown, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
  }

  // for view tests
  SearchAnswer answer() {
    return answer;
  }

  List<ResultCard> cards() {
    return cards;
  }
}
