package io.hookline.it.browser;

import io.hookline.it.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium}, driven through {@code chromium-driver}) with the
 * small vocabulary the console tests need. Closing it ends the browser and its driver process.
 */
public final class Browser implements AutoCloseable {

    /** Debian's paths; override with -Dchromium.binary / -Dchromedriver.binary. */
    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");

    static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(10);

    /** True once no PrimeFaces AJAX request is in flight and no transition or finite animation is running. */
    private static final String SETTLED = "var pf = window.PrimeFaces;"
            + "if (pf && pf.ajax && pf.ajax.Queue && typeof pf.ajax.Queue.isEmpty === 'function'"
            + "    && !pf.ajax.Queue.isEmpty()) { return false; }"
            + "return document.getAnimations().every(function (a) {"
            + "  return a.playState !== 'running' || !isFinite(a.effect.getComputedTiming().endTime); });";

    private final ChromeDriver driver;
    private final String baseUrl;

    public Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // As root in a container: no sandbox; no GPU; and none of Chromium's own network chatter, which
        // this machine's closed network refuses.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        String base = TestServer.baseUrl();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** The path of the page now shown, without host and query. */
    public String path() {
        String url = driver.getCurrentUrl();
        String rest = url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean has(String css) {
        return !all(css).isEmpty();
    }

    public Browser type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks and, when the click submits a full page, waits for the new page to replace the old one. */
    public Browser clickAndWait(String css) {
        WebElement element = find(css);
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        // While the old document is torn down, chromedriver may answer "Node with given id does not belong
        // to the document" instead of "stale element": keep asking until it says stale.
        new WebDriverWait(driver, WAIT).ignoring(WebDriverException.class).until(ExpectedConditions.stalenessOf(html));
        waitForPage();
        return this;
    }

    public Browser click(String css) {
        new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
                .click();
        return this;
    }

    public Browser waitForPage() {
        new WebDriverWait(driver, WAIT)
                .until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    /**
     * Waits until the page has settled: no PrimeFaces AJAX request in flight and no CSS transition or animation
     * with an end still running. A button re-enabled after an AJAX request fades back to its colours over the
     * theme's transition; measured halfway (axe's contrast check did once) it shows colours no one reads.
     */
    public Browser settle() {
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(driver.executeScript(SETTLED)));
        return this;
    }

    public Browser waitForText(String css, String text) {
        new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return this;
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** Saves a PNG of the page under target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("hookline.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the page logged as errors since the last call: CSP violations and script errors show up here,
     * so a test can insist on none.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
