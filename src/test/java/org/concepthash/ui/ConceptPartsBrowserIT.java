package org.concepthash.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.concepthash.accounts.Role;
import org.concepthash.data.Keypoint;
import org.concepthash.data.parts.GeneratedImage;
import org.concepthash.encode.Encoder;
import org.concepthash.encode.EncoderOptions;
import org.concepthash.encode.Encoding;
import org.concepthash.encode.eval.AttentionPeak;
import org.concepthash.model.CropWindow;
import org.concepthash.onnx.PackageFixtures;
import org.concepthash.testing.ApiClient;
import org.concepthash.testing.BrowserApp;
import org.concepthash.testing.SearchCatalog;
import org.concepthash.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The atlas and the Models page show each concept's part consistency, in headless Chromium. The
 * catalog's keypoints are built so the answer is known: every image gets a "crown" keypoint exactly
 * where the micro model's concept 0 peaks and a "belly" keypoint mirrored through the image centre,
 * so concept 0 finds the crown in 100% of the annotated images, and random points (split evenly by
 * the two keypoints) do not. The atlas suggests "crown" as concept 0's name; a curator accepts it
 * and search explanations use it.
 */
class ConceptPartsBrowserIT {

  private static final int CLASSES = 6;
  private static final int PER_CLASS = 6;

  @RegisterExtension final BrowserApp web = BrowserApp.server();

  @Test
  void theAtlasShowsEachConceptsPartAndPurityAndACuratorAcceptsTheSuggestedName() throws Exception {
    SearchCatalog.Seeded seeded;
    try (Encoder micro = Encoder.open(PackageFixtures.microV1(), new EncoderOptions(false, 1, 8))) {
      seeded = SearchCatalog.seed(web.app(), CLASSES, PER_CLASS, g -> crownAtConcept0(micro, g));
    }
    ApiClient viewer = ApiClient.as(web.app(), Role.VIEWER);
    JsonNode concepts = viewer.getOk("/api/models/active/concepts");
    int images = CLASSES * PER_CLASS / 2;
    JsonNode c0 = concepts.get("concepts").get(0);
    assertEquals(
        "crown in 100% of " + images + " annotated images",
        c0.get("part").asText(),
        concepts.toString());
    double chance = concepts.get("partConsistency").get("chancePurity").asDouble();
    assertTrue(
        chance < 0.9,
        "two keypoints mirrored through the centre split random points evenly: " + chance);
    assertEquals("reliable", c0.get("reliability").asText());
    assertEquals("crown", c0.get("parts").get("suggestedName").asText());

    web.signIn("cora", Role.CURATOR, "/concepts");
    web.open("/concepts");
    for (int m = 0; m < 2; m++) {
      JsonNode c = concepts.get("concepts").get(m);
      WebElement parts =
          web.until(ExpectedConditions.presenceOfElementLocated(By.id("concept-parts-" + m)));
      assertEquals(c.get("part").asText(), parts.getText());
      assertEquals(
          String.format(Locale.ROOT, "%.4f", c.get("parts").get("purity").asDouble()),
          parts.getAttribute("data-purity"));
      assertEquals(c.get("parts").get("dominantPart").asText(), parts.getAttribute("data-part"));
      WebElement section =
          web.browser().findElement(By.cssSelector(".ch-atlas-concept[data-concept='" + m + "']"));
      assertEquals(
          "unreliable".equals(c.get("reliability").asText()),
          !section.findElements(By.cssSelector(".ch-atlas-header .ch-unreliable")).isEmpty(),
          "mark of concept " + m);
    }
    web.screenshot("concepts-parts.png", 1200);
    WebElement suggestion = web.browser().findElement(By.id("concept-suggestion-0"));
    assertEquals("crown", suggestion.getAttribute("data-suggested-name"));
    web.browser().findElement(By.id("accept-suggestion-0")).click();
    web.until(
        d -> {
          try {
            return "crown"
                .equals(
                    viewer
                        .getOk("/api/models/active/concepts")
                        .get("concepts")
                        .get(0)
                        .get("name")
                        .asText());
          } catch (Exception e) {
            return false;
          }
        });
    assertEquals(
        "crown",
        web.browser().findElement(By.cssSelector("#concept-name-0 input")).getAttribute("value"));
    // explanations use the accepted name
    JsonNode answer =
        viewer.postOk("/api/search", "{\"imageId\":" + seeded.imageIds().get(0) + "}");
    assertEquals("crown", answer.get("concepts").get(0).asText());
    assertTrue(
        answer.get("results").get(0).get("explanation").asText().contains("crown"),
        answer.get("results").get(0).toString());

    // the Models page lists the version's mean purity against chance
    JsonNode all = concepts.get("partConsistency");
    String purity =
        String.format(
            Locale.ROOT,
            "%.2f (chance %.2f)",
            all.get("meanPurity").asDouble(),
            all.get("chancePurity").asDouble());
    web.open("/models");
    WebElement cell =
        web.until(
            d ->
                d.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                    .filter(e -> e.getText().strip().equals(purity))
                    .findFirst()
                    .orElse(null));
    // selecting the version lists each concept (under its current name) with the part it finds
    cell.click();
    WebElement details =
        web.until(ExpectedConditions.presenceOfElementLocated(By.id("models-parts")));
    for (int m = 0; m < 2; m++) {
      JsonNode c = concepts.get("concepts").get(m);
      WebElement line = details.findElement(By.cssSelector("[data-concept='" + m + "']"));
      String text = line.getText();
      assertTrue(text.startsWith((m == 0 ? "crown" : c.get("name").asText()) + ":"), text);
      assertTrue(text.contains(c.get("part").asText()), text);
      assertEquals(
          "unreliable".equals(c.get("reliability").asText()), text.contains("unreliable"), text);
    }
    web.screenshot("models-parts.png", 1200);
  }

  /**
   * One keypoint per image: every peak and every random point finds the same part, so purity equals
   * chance (1.0) and both concepts are known to be unreliable. The atlas, the search view's code
   * lines, overlay and explanations, and the compare dialog carry the mark.
   */
  @Test
  void conceptsNoBetterThanChanceAreMarkedUnreliableWhereverTheyAreShown() throws Exception {
    SearchCatalog.Seeded seeded =
        SearchCatalog.seed(
            web.app(),
            3,
            6,
            g ->
                new SearchCatalog.IngestRequestParts(
                    Optional.of(g.box()), List.of(g.keypoints().get(0))));
    JsonNode concepts = ApiClient.as(web.app(), Role.VIEWER).getOk("/api/models/active/concepts");
    for (JsonNode c : concepts.get("concepts")) {
      assertEquals("unreliable", c.get("reliability").asText(), concepts.toString());
    }
    web.signIn("vera", Role.VIEWER, "/concepts");
    web.open("/concepts");
    web.until(d -> d.findElements(By.cssSelector(".ch-atlas-header .ch-unreliable")).size() == 2);
    assertTrue(
        web.browser().findElements(By.cssSelector(".ch-name-suggestion")).isEmpty(),
        "nothing to suggest");

    web.open("/search?image=" + seeded.imageIds().get(0));
    web.until(d -> !d.findElements(By.cssSelector(".ch-result")).isEmpty());
    assertEquals(
        2, web.browser().findElements(By.cssSelector("#query-code .ch-unreliable")).size());
    for (WebElement e : web.browser().findElements(By.cssSelector(".ch-result .ch-explanation"))) {
      assertTrue(
          e.getText().contains("head (unreliable)") && e.getText().contains("tail (unreliable)"),
          e.getText());
    }
    assertTrue(
        web.browser().findElements(By.id("overlay-unreliable")).stream()
            .noneMatch(WebElement::isDisplayed),
        "no overlay shown, no overlay warning");
    web.browser().findElement(By.id("overlay-concept")).click();
    web.until(
            d ->
                d.findElements(By.cssSelector("vaadin-select-item")).stream()
                    .filter(i -> i.isDisplayed() && i.getText().strip().equals("tail (unreliable)"))
                    .findFirst()
                    .orElse(null))
        .click();
    web.until(d -> d.findElement(By.id("overlay-unreliable")).isDisplayed());
    assertEquals(
        "unreliable: tail", web.browser().findElement(By.id("overlay-unreliable")).getText());
    web.screenshot("search-unreliable.png", 1200);
    // a script click: the button may lie below the fold or under a notification
    web.browser()
        .executeScript(
            "arguments[0].click();",
            web.browser().findElement(By.cssSelector(".ch-result .ch-compare")));
    web.until(d -> d.findElements(By.cssSelector(".ch-compare-row .ch-unreliable")).size() == 2);
  }

  /**
   * "crown" where concept 0 of the micro model peaks in this image (the patch centre in image
   * pixels, as the registry will see the stored PNG), "belly" mirrored through the image centre; no
   * box.
   */
  private static SearchCatalog.IngestRequestParts crownAtConcept0(Encoder micro, GeneratedImage g) {
    try {
      BufferedImage stored =
          ImageIO.read(new ByteArrayInputStream(TestImages.encode(g.image(), "png")));
      Encoding e = micro.encode(stored);
      CropWindow window =
          CropWindow.of(micro.preprocessor(), stored.getWidth(), stored.getHeight());
      AttentionPeak peak = AttentionPeak.of(e.attention()[0], e.grid());
      double x = peak.imageX(window);
      double y = peak.imageY(window);
      return new SearchCatalog.IngestRequestParts(
          Optional.empty(),
          List.of(
              new Keypoint("crown", x, y),
              new Keypoint("belly", stored.getWidth() - x, stored.getHeight() - y)));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
