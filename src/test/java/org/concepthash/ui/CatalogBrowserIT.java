package org.concepthash.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.concepthash.accounts.Role;
import org.concepthash.testing.Browser;
import org.concepthash.testing.TestCatalog;
import org.concepthash.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in headless Chromium: upload in the UI, see it in the gallery, label it, read it back
 * via REST.
 */
class CatalogBrowserIT {

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
  void uploadedImageAppearsInTheGalleryAndItsLabelReachesTheApi() throws Exception {
    Path file = Files.createTempFile("snowy-owl", ".png");
    Files.write(file, TestImages.png(120, 90, 42));

    app.createUser("carla", Role.CURATOR);
    browser.get(app.uri("/upload").toString());
    // not signed in (anonymous access is off with an external database): the login page comes first
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#login-username input")))
        .sendKeys("carla");
    browser
        .findElement(By.cssSelector("#login-password input"))
        .sendKeys(TestCatalog.passwordOf("carla"));
    browser.findElement(By.id("login-submit")).click();
    wait.until(d -> d.findElement(By.id("current-user")).getText().equals("carla (curator)"));
    browser.get(app.uri("/upload").toString());
    WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload")));
    WebElement input = fileInput(upload);
    input.sendKeys(file.toString());
    wait.until(d -> d.findElement(By.id("upload-results")).getText().contains("accepted"));

    browser.get(app.uri("/").toString());
    wait.until(d -> d.findElement(By.id("catalog-count")).getText().equals("1 image"));
    WebElement card =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ch-card")));
    long id = Long.parseLong(card.getAttribute("data-image-id"));
    wait.until(
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "const i = document.querySelector('.ch-card img'); return i.complete &&"
                            + " i.naturalWidth > 0;"));

    card.findElement(By.tagName("vaadin-checkbox")).click();
    WebElement classInput =
        browser.findElement(By.cssSelector("vaadin-combo-box#label-class input"));
    classInput.sendKeys("snowy_owl", Keys.ENTER);
    wait.until(d -> d.findElement(By.id("label-apply")).getAttribute("disabled") == null);
    browser.findElement(By.id("label-apply")).click();
    wait.until(
        d -> d.findElement(By.cssSelector(".ch-card .ch-label")).getText().equals("snowy owl"));

    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(app.uri("/api/images/" + id + "/labels"))
                    .header("Authorization", "Bearer " + app.tokenFor(Role.VIEWER))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode history = new ObjectMapper().readTree(r.body());
    assertEquals("snowy_owl", history.get(0).get("label").asText());
    assertEquals(
        "carla",
        history.get(0).get("by").asText(),
        "the label change is recorded for the signed-in user");

    browser.findElement(By.id("logout")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-submit")));
    browser.get(app.uri("/").toString());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-submit")));
  }

  /** vaadin-upload keeps its file input in light DOM or shadow DOM depending on the version. */
  private WebElement fileInput(WebElement upload) {
    Object input =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const u = arguments[0]; return u.querySelector('input[type=file]') ||"
                    + " u.shadowRoot.querySelector('input[type=file]');",
                upload);
    return (WebElement) input;
  }
}
