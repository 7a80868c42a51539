package org.concepthash.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concepthash.testing.ApiClient;
import org.concepthash.testing.BrowserApp;
import org.concepthash.testing.Multipart;
import org.concepthash.testing.SearchCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * End to end in headless Chromium: upload a query, see results with distance bars, draw a concept's
 * attention overlay (checked on the canvas pixels), restrict the search to one concept and see the
 * ranking follow the masked distance. With {@code -Dconcepthash.screenshots=DIR} it also saves
 * screenshots of the search view and the atlas (docs/screenshots in the README).
 */
class SearchBrowserIT {

  /** Searching is a viewer's; visitors are viewers here, as on the demo defaults. */
  @RegisterExtension
  final BrowserApp web = BrowserApp.server(Map.of("concepthash.auth.anonymous", "viewer"));

  private SearchCatalog.Seeded seeded;

  @BeforeEach
  void seed() throws Exception {
    seeded = SearchCatalog.seed(web.app(), 6, 5);
  }

  @Test
  void uploadOverlayAndConceptRestrictedRanking() throws Exception {
    byte[] bird = birdWhoseHeadRankingDiffers();
    Path file = Files.createTempFile("query-bird", ".png");
    Files.write(file, bird);

    web.open("/search");
    WebElement upload =
        web.until(ExpectedConditions.presenceOfElementLocated(By.id("query-upload")));
    web.fileInput(upload).sendKeys(file.toString());
    web.until(d -> d.findElements(By.cssSelector(".ch-result")).size() == 10);
    for (WebElement card : web.browser().findElements(By.cssSelector(".ch-result"))) {
      List<WebElement> segments = card.findElements(By.cssSelector(".ch-dist-bar .ch-dist-seg"));
      assertEquals(2, segments.size());
      int sum =
          Integer.parseInt(segments.get(0).getAttribute("data-distance"))
              + Integer.parseInt(segments.get(1).getAttribute("data-distance"));
      assertEquals(Integer.parseInt(card.getAttribute("data-distance")), sum);
    }
    List<Long> unrestricted = shownIds();
    assertEquals(apiRanking(bird, ""), unrestricted);

    choose("overlay-concept", "all concepts");
    web.until(d -> "all".equals(d.findElement(By.id("query-overlay")).getAttribute("drawn")));
    assertTrue(
        paintedPixels(web.browser().findElement(By.id("query-overlay"))) > 0,
        "all concepts are drawn");

    // the query's and a result's overlay of concept "head" draw coloured pixels on their canvases
    choose("overlay-concept", "head");
    web.until(d -> "0".equals(d.findElement(By.id("query-overlay")).getAttribute("drawn")));
    WebElement firstOverlay =
        web.browser().findElement(By.cssSelector(".ch-result attention-overlay"));
    web.until(d -> "0".equals(firstOverlay.getAttribute("drawn")));
    assertTrue(
        paintedPixels(web.browser().findElement(By.id("query-overlay"))) > 0,
        "query overlay is drawn");
    assertTrue(paintedPixels(firstOverlay) > 0, "result overlay is drawn");
    web.screenshot("search.png", 1500);
    choose("overlay-concept", "off");
    web.until(d -> "none".equals(firstOverlay.getAttribute("drawn")));
    assertEquals(0, paintedPixels(firstOverlay), "off clears the overlay");

    // match on the head only: the ranking is by the head's distance, as the API computes it
    WebElement tail =
        web.browser().findElements(By.cssSelector("#search-concepts vaadin-checkbox")).get(1);
    tail.click();
    web.until(d -> d.findElement(By.id("result-summary")).getText().endsWith("ranked on head"));
    web.until(d -> !shownIds().equals(unrestricted) || headOnlyShown());
    List<WebElement> cards = web.browser().findElements(By.cssSelector(".ch-result"));
    int previous = -1;
    for (WebElement card : cards) {
      int d = Integer.parseInt(card.getAttribute("data-distance"));
      int head =
          Integer.parseInt(
              card.findElements(By.cssSelector(".ch-dist-seg"))
                  .get(0)
                  .getAttribute("data-distance"));
      assertEquals(head, d, "the distance shown is the head's");
      assertTrue(d >= previous);
      previous = d;
    }
    List<Long> restricted = shownIds();
    assertEquals(apiRanking(bird, "head"), restricted);
    assertNotEquals(unrestricted, restricted, "restricting to the head re-ranks");

    web.open("/concepts");
    web.until(d -> d.findElements(By.cssSelector(".ch-exemplar")).size() > 0);
    web.screenshot("concepts.png", 1500);
  }

  /**
   * A new bird whose top 10 on the head alone differ from its top 10 on the whole code (the tiny
   * test model gives many images the same code, so for some queries both rankings are all ties).
   */
  private byte[] birdWhoseHeadRankingDiffers() throws Exception {
    for (int i = 40; i < 60; i++) {
      byte[] bird = SearchCatalog.newBird(seeded, i % 6, i);
      if (!apiRanking(bird, "head").equals(apiRanking(bird, ""))) {
        return bird;
      }
    }
    throw new AssertionError("no query among 20 new birds ranks differently on the head alone");
  }

  private boolean headOnlyShown() {
    return web.browser().findElements(By.cssSelector(".ch-dist-unselected")).size() == 10;
  }

  private List<Long> shownIds() {
    List<Long> ids = new ArrayList<>();
    for (WebElement card : web.browser().findElements(By.cssSelector(".ch-result"))) {
      ids.add(Long.parseLong(card.getAttribute("data-image-id")));
    }
    return ids;
  }

  private List<Long> apiRanking(byte[] png, String concepts) throws Exception {
    Multipart form = new Multipart().file("file", "q.png", "image/png", png).field("k", "10");
    if (!concepts.isEmpty()) {
      form.field("concepts", concepts);
    }
    JsonNode body = ApiClient.json(ApiClient.anonymous(web.app()).post("/api/search", form));
    List<Long> ids = new ArrayList<>();
    body.get("results").forEach(n -> ids.add(n.get("imageId").asLong()));
    return ids;
  }

  /** Opens a vaadin-select and picks the item with this label. */
  private void choose(String selectId, String label) {
    web.browser().findElement(By.id(selectId)).click();
    WebElement item =
        web.until(
            d ->
                d.findElements(By.cssSelector("vaadin-select-item")).stream()
                    .filter(i -> i.isDisplayed() && i.getText().strip().equals(label))
                    .findFirst()
                    .orElse(null));
    item.click();
  }

  /** Pixels of the overlay's canvas with any opacity. */
  private long paintedPixels(WebElement overlay) {
    Object n =
        web.browser()
            .executeScript(
                "const c = arguments[0].shadowRoot.querySelector('canvas'); const d ="
                    + " c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                    + " for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;",
                overlay);
    return ((Number) n).longValue();
  }
}
