package org.concepthash.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.concepthash.accounts.Role;
import org.concepthash.testing.ApiClient;
import org.concepthash.testing.BrowserApp;
import org.concepthash.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * End to end in headless Chromium: upload in the UI, see it in the gallery, label it, read it back
 * via REST.
 */
class CatalogBrowserIT {

  @RegisterExtension final BrowserApp web = BrowserApp.server();

  @Test
  void uploadedImageAppearsInTheGalleryAndItsLabelReachesTheApi() throws Exception {
    Path file = Files.createTempFile("snowy-owl", ".png");
    Files.write(file, TestImages.png(120, 90, 42));

    web.signIn("carla", Role.CURATOR, "/upload");
    web.until(d -> d.findElement(By.id("current-user")).getText().equals("carla (curator)"));
    web.open("/upload");
    WebElement upload = web.until(ExpectedConditions.presenceOfElementLocated(By.id("upload")));
    WebElement input = web.fileInput(upload);
    input.sendKeys(file.toString());
    web.until(d -> d.findElement(By.id("upload-results")).getText().contains("accepted"));

    web.open("/");
    web.until(d -> d.findElement(By.id("catalog-count")).getText().equals("1 image"));
    WebElement card =
        web.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ch-card")));
    long id = Long.parseLong(card.getAttribute("data-image-id"));
    web.until(
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "const i = document.querySelector('.ch-card img'); return i.complete &&"
                            + " i.naturalWidth > 0;"));

    card.findElement(By.tagName("vaadin-checkbox")).click();
    WebElement classInput =
        web.browser().findElement(By.cssSelector("vaadin-combo-box#label-class input"));
    classInput.sendKeys("snowy_owl", Keys.ENTER);
    web.until(d -> d.findElement(By.id("label-apply")).getAttribute("disabled") == null);
    web.browser().findElement(By.id("label-apply")).click();
    web.until(
        d -> d.findElement(By.cssSelector(".ch-card .ch-label")).getText().equals("snowy owl"));

    JsonNode history =
        ApiClient.json(ApiClient.as(web.app(), Role.VIEWER).get("/api/images/" + id + "/labels"));
    assertEquals("snowy_owl", history.get(0).get("label").asText());
    assertEquals(
        "carla",
        history.get(0).get("by").asText(),
        "the label change is recorded for the signed-in user");

    web.browser().findElement(By.id("logout")).click();
    web.until(ExpectedConditions.presenceOfElementLocated(By.id("login-submit")));
    web.open("/");
    web.until(ExpectedConditions.presenceOfElementLocated(By.id("login-submit")));
  }
}
