package org.concepthash.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.concepthash.testing.Browser;
import org.concepthash.testing.Multipart;
import org.concepthash.testing.SearchCatalog;
import org.concepthash.testing.TestCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in headless Chromium: upload a query, see results with distance bars, draw a concept's
 * attention overlay (checked on the canvas pixels), restrict the search to one concept and see the
 * ranking follow the masked distance. With {@code -Dconcepthash.screenshots=DIR} it also saves
 * screenshots of the search view and the atlas (docs/screenshots in the README).
 */
class SearchBrowserIT {

  private TestCatalog app;
  private ChromeDriver browser;
  private WebDriverWait wait;
  private SearchCatalog.Seeded seeded;

  @BeforeEach
  void start() throws Exception {
    browser = Browser.start();
    // searching is a viewer's; visitors are viewers here, as on the demo defaults
    app = TestCatalog.start(true, java.util.Map.of("concepthash.auth.anonymous", "viewer"));
    seeded = SearchCatalog.seed(app, 6, 5);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void uploadOverlayAndConceptRestrictedRanking() throws Exception {
    byte[] bird = birdWhoseHeadRankingDiffers();
    Path file = Files.createTempFile("query-bird", ".png");
    Files.write(file, bird);

    browser.get(app.uri("/search").toString());
    WebElement upload =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("query-upload")));
    fileInput(upload).sendKeys(file.toString());
    wait.until(d -> d.findElements(By.cssSelector(".ch-result")).size() == 10);
    for (WebElement card : browser.findElements(By.cssSelector(".ch-result"))) {
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
    wait.until(d -> "all".equals(d.findElement(By.id("query-overlay")).getAttribute("drawn")));
    assertTrue(
        paintedPixels(browser.findElement(By.id("query-overlay"))) > 0, "all concepts are drawn");

    // the query's and a result's overlay of concept "head" draw coloured pixels on their canvases
    choose("overlay-concept", "head");
    wait.until(d -> "0".equals(d.findElement(By.id("query-overlay")).getAttribute("drawn")));
    WebElement firstOverlay = browser.findElement(By.cssSelector(".ch-result attention-overlay"));
    wait.until(d -> "0".equals(firstOverlay.getAttribute("drawn")));
    assertTrue(
        paintedPixels(browser.findElement(By.id("query-overlay"))) > 0, "query overlay is drawn");
    assertTrue(paintedPixels(firstOverlay) > 0, "result overlay is drawn");
    screenshot("search.png");
    choose("overlay-concept", "off");
    wait.until(d -> "none".equals(firstOverlay.getAttribute("drawn")));
    assertEquals(0, paintedPixels(firstOverlay), "off clears the overlay");

    // match on the head only: the ranking is by the head's distance, as the API computes it
    WebElement tail =
        browser.findElements(By.cssSelector("#search-concepts vaadin-checkbox")).get(1);
    tail.click();
    wait.until(d -> d.findElement(By.id("result-summary")).getText().endsWith("ranked on head"));
    wait.until(d -> !shownIds().equals(unrestricted) || headOnlyShown());
    List<WebElement> cards = browser.findElements(By.cssSelector(".ch-result"));
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

    browser.get(app.uri("/concepts").toString());
    wait.until(d -> d.findElements(By.cssSelector(".ch-exemplar")).size() > 0);
    screenshot("concepts.png");
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
    return browser.findElements(By.cssSelector(".ch-dist-unselected")).size() == 10;
  }

  private List<Long> shownIds() {
    List<Long> ids = new ArrayList<>();
    for (WebElement card : browser.findElements(By.cssSelector(".ch-result"))) {
      ids.add(Long.parseLong(card.getAttribute("data-image-id")));
    }
    return ids;
  }

  private List<Long> apiRanking(byte[] png, String concepts) throws Exception {
    Multipart form = new Multipart().file("file", "q.png", "image/png", png).field("k", "10");
    if (!concepts.isEmpty()) {
      form.field("concepts", concepts);
    }
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(app.uri("/api/search"))
                    .header("Content-Type", form.contentType())
                    .POST(form.publisher())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode body = new ObjectMapper().readTree(r.body());
    List<Long> ids = new ArrayList<>();
    body.get("results").forEach(n -> ids.add(n.get("imageId").asLong()));
    return ids;
  }

  /** Opens a vaadin-select and picks the item with this label. */
  private void choose(String selectId, String label) {
    browser.findElement(By.id(selectId)).click();
    WebElement item =
        wait.until(
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
        ((JavascriptExecutor) browser)
            .executeScript(
                "const c = arguments[0].shadowRoot.querySelector('canvas'); const d ="
                    + " c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                    + " for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;",
                overlay);
    return ((Number) n).longValue();
  }

  private void screenshot(String name) throws Exception {
    String dir = System.getProperty("concepthash.screenshots");
    if (dir != null && !dir.isBlank()) {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1500));
      Files.createDirectories(Path.of(dir));
      Files.write(Path.of(dir, name), browser.getScreenshotAs(OutputType.BYTES));
    }
  }

  private WebElement fileInput(WebElement upload) {
    return (WebElement)
        ((JavascriptExecutor) browser)
            .executeScript(
                "const u = arguments[0]; return u.querySelector('input[type=file]') ||"
                    + " u.shadowRoot.querySelector('input[type=file]');",
                upload);
  }
}
