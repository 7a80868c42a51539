package org.concepthash.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.concepthash.testing.Browser;
import org.concepthash.testing.SearchCatalog;
import org.concepthash.testing.TestCatalog;
import org.concepthash.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The atlas and the Models page show each concept's part consistency, in headless Chromium. The
 * catalog's keypoints are built so the answer is known: every image gets a "crown" keypoint exactly
 * where the micro model's concept 0 peaks and a "belly" keypoint mirrored through the image centre,
 * so concept 0 finds the crown in 100% of the annotated images, and random points (split evenly by
 * the two keypoints) do not. The atlas suggests "crown" as concept 0's name; a curator accepts it
 * and search explanations use it.
 */
class ConceptPartsBrowserIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CLASSES = 6;
  private static final int PER_CLASS = 6;

  private TestCatalog app;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() {
    browser = Browser.start();
    app = TestCatalog.server();
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
  void theAtlasShowsEachConceptsPartAndPurityAndACuratorAcceptsTheSuggestedName() throws Exception {
    SearchCatalog.Seeded seeded;
    try (Encoder micro = Encoder.open(PackageFixtures.microV1(), new EncoderOptions(false, 1, 8))) {
      seeded = SearchCatalog.seed(app, CLASSES, PER_CLASS, g -> crownAtConcept0(micro, g));
    }
    String viewer = app.tokenFor(Role.VIEWER);
    JsonNode concepts = get(viewer, "/api/models/active/concepts");
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

    signIn("cora", Role.CURATOR, "/concepts");
    browser.get(app.uri("/concepts").toString());
    for (int m = 0; m < 2; m++) {
      JsonNode c = concepts.get("concepts").get(m);
      WebElement parts =
          wait.until(ExpectedConditions.presenceOfElementLocated(By.id("concept-parts-" + m)));
      assertEquals(c.get("part").asText(), parts.getText());
      assertEquals(
          String.format(Locale.ROOT, "%.4f", c.get("parts").get("purity").asDouble()),
          parts.getAttribute("data-purity"));
      assertEquals(c.get("parts").get("dominantPart").asText(), parts.getAttribute("data-part"));
      WebElement section =
          browser.findElement(By.cssSelector(".ch-atlas-concept[data-concept='" + m + "']"));
      assertEquals(
          "unreliable".equals(c.get("reliability").asText()),
          !section.findElements(By.cssSelector(".ch-atlas-header .ch-unreliable")).isEmpty(),
          "mark of concept " + m);
    }
    screenshot("concepts-parts.png");
    WebElement suggestion = browser.findElement(By.id("concept-suggestion-0"));
    assertEquals("crown", suggestion.getAttribute("data-suggested-name"));
    browser.findElement(By.id("accept-suggestion-0")).click();
    wait.until(
        d -> {
          try {
            return "crown"
                .equals(
                    get(viewer, "/api/models/active/concepts")
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
        browser.findElement(By.cssSelector("#concept-name-0 input")).getAttribute("value"));
    // explanations use the accepted name
    JsonNode answer = post(viewer, "/api/search", "{\"imageId\":" + seeded.imageIds().get(0) + "}");
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
    browser.get(app.uri("/models").toString());
    WebElement cell =
        wait.until(
            d ->
                d.findElements(By.tagName("vaadin-grid-cell-content")).stream()
                    .filter(e -> e.getText().strip().equals(purity))
                    .findFirst()
                    .orElse(null));
    // selecting the version lists each concept (under its current name) with the part it finds
    cell.click();
    WebElement details =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("models-parts")));
    for (int m = 0; m < 2; m++) {
      JsonNode c = concepts.get("concepts").get(m);
      WebElement line = details.findElement(By.cssSelector("[data-concept='" + m + "']"));
      String text = line.getText();
      assertTrue(text.startsWith((m == 0 ? "crown" : c.get("name").asText()) + ":"), text);
      assertTrue(text.contains(c.get("part").asText()), text);
      assertEquals(
          "unreliable".equals(c.get("reliability").asText()), text.contains("unreliable"), text);
    }
    screenshot("models-parts.png");
  }

  /** With {@code -Dconcepthash.screenshots=DIR}, saves what the browser shows. */
  private void screenshot(String name) throws IOException {
    String dir = System.getProperty("concepthash.screenshots");
    if (dir != null && !dir.isBlank()) {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1200));
      java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
      java.nio.file.Files.write(
          java.nio.file.Path.of(dir, name),
          browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
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
            app,
            3,
            6,
            g ->
                new SearchCatalog.IngestRequestParts(
                    Optional.of(g.box()), List.of(g.keypoints().get(0))));
    JsonNode concepts = get(app.tokenFor(Role.VIEWER), "/api/models/active/concepts");
    for (JsonNode c : concepts.get("concepts")) {
      assertEquals("unreliable", c.get("reliability").asText(), concepts.toString());
    }
    signIn("vera", Role.VIEWER, "/concepts");
    browser.get(app.uri("/concepts").toString());
    wait.until(d -> d.findElements(By.cssSelector(".ch-atlas-header .ch-unreliable")).size() == 2);
    assertTrue(
        browser.findElements(By.cssSelector(".ch-name-suggestion")).isEmpty(),
        "nothing to suggest");

    browser.get(app.uri("/search?image=" + seeded.imageIds().get(0)).toString());
    wait.until(d -> !d.findElements(By.cssSelector(".ch-result")).isEmpty());
    assertEquals(2, browser.findElements(By.cssSelector("#query-code .ch-unreliable")).size());
    for (WebElement e : browser.findElements(By.cssSelector(".ch-result .ch-explanation"))) {
      assertTrue(
          e.getText().contains("head (unreliable)") && e.getText().contains("tail (unreliable)"),
          e.getText());
    }
    assertTrue(
        browser.findElements(By.id("overlay-unreliable")).stream()
            .noneMatch(WebElement::isDisplayed),
        "no overlay shown, no overlay warning");
    browser.findElement(By.id("overlay-concept")).click();
    wait.until(
            d ->
                d.findElements(By.cssSelector("vaadin-select-item")).stream()
                    .filter(i -> i.isDisplayed() && i.getText().strip().equals("tail (unreliable)"))
                    .findFirst()
                    .orElse(null))
        .click();
    wait.until(d -> d.findElement(By.id("overlay-unreliable")).isDisplayed());
    assertEquals("unreliable: tail", browser.findElement(By.id("overlay-unreliable")).getText());
    screenshot("search-unreliable.png");
    // a script click: the button may lie below the fold or under a notification
    browser.executeScript(
        "arguments[0].click();", browser.findElement(By.cssSelector(".ch-result .ch-compare")));
    wait.until(d -> d.findElements(By.cssSelector(".ch-compare-row .ch-unreliable")).size() == 2);
  }

  private void signIn(String user, Role role, String path) {
    app.createUser(user, role);
    browser.get(app.uri(path).toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#login-username input")))
        .sendKeys(user);
    browser
        .findElement(By.cssSelector("#login-password input"))
        .sendKeys(TestCatalog.passwordOf(user));
    browser.findElement(By.id("login-submit")).click();
    wait.until(d -> d.findElement(By.id("current-user")).getText().startsWith(user + " ("));
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

  private JsonNode get(String token, String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(app.uri(path))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private JsonNode post(String token, String path, String body) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(app.uri(path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }
}
