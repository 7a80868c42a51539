package org.concepthash.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.concepthash.accounts.Role;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser ITs' fixture: before each test headless Chromium ({@link Browser}) and a fresh app
 * with its HTTP server; after each test both stop. Register it on an instance field with
 * {@code @RegisterExtension}; a test's own {@code @BeforeEach} runs after it, so it may seed the
 * app.
 */
public final class BrowserApp implements BeforeEachCallback, AfterEachCallback {

  private final Map<String, Object> config;
  private ChromeDriver browser;
  private TestCatalog app;
  private WebDriverWait wait;

  private BrowserApp(Map<String, Object> config) {
    this.config = config;
  }

  /** The app as configured by default. */
  public static BrowserApp server() {
    return new BrowserApp(Map.of());
  }

  /** The app with these properties on top of the test defaults. */
  public static BrowserApp server(Map<String, Object> config) {
    return new BrowserApp(config);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    browser = Browser.start();
    app = TestCatalog.start(true, config);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  public TestCatalog app() {
    return app;
  }

  public ChromeDriver browser() {
    return browser;
  }

  /** Waits up to 30 seconds for the condition to hold (not null, not false) and returns it. */
  public <V> V until(Function<? super WebDriver, V> condition) {
    return wait.until(condition);
  }

  /** Loads the app's page at {@code path}. */
  public void open(String path) {
    browser.get(app.uri(path).toString());
  }

  /**
   * Creates {@code user} with this role, opens {@code path} (the login page comes first: anonymous
   * access is off with an external database) and signs in there.
   */
  public void signIn(String user, Role role, String path) {
    app.createUser(user, role);
    open(path);
    until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#login-username input")))
        .sendKeys(user);
    browser
        .findElement(By.cssSelector("#login-password input"))
        .sendKeys(TestCatalog.passwordOf(user));
    browser.findElement(By.id("login-submit")).click();
    until(d -> d.findElement(By.id("current-user")).getText().startsWith(user + " ("));
  }

  /** vaadin-upload keeps its file input in light DOM or shadow DOM depending on the version. */
  public WebElement fileInput(WebElement upload) {
    return (WebElement)
        browser.executeScript(
            "const u = arguments[0]; return u.querySelector('input[type=file]') ||"
                + " u.shadowRoot.querySelector('input[type=file]');",
            upload);
  }

  /**
   * With {@code -Dconcepthash.screenshots=DIR}, saves what the browser shows in a window this high.
   */
  public void screenshot(String name, int height) throws IOException {
    String dir = System.getProperty("concepthash.screenshots");
    if (dir != null && !dir.isBlank()) {
      browser.manage().window().setSize(new Dimension(1280, height));
      Files.createDirectories(Path.of(dir));
      Files.write(Path.of(dir, name), browser.getScreenshotAs(OutputType.BYTES));
    }
  }
}
