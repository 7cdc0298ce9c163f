package io.hookline.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests check about the emoji images of rendered posts (issue 21). */
final class EmojiImages {

    /** Where the bundled images are served (see the web module's EmojiImages). */
    static final String PREFIX = "/emoji/twemoji-16.0.1/";

    private EmojiImages() {}

    /**
     * The text of {@code element} as a person copying it gets it: each emoji image counts as its alt text, white
     * space collapsed as {@code getText()} would.
     */
    static String copiedText(Browser browser, WebElement element) {
        return (String) browser.script(
                "var copy = arguments[0].cloneNode(true);"
                        + "copy.querySelectorAll('img.emoji').forEach(function (img) {"
                        + " img.replaceWith(document.createTextNode(img.alt)); });"
                        + "return copy.textContent.replace(/\\s+/g, ' ').trim();",
                element);
    }

    /** The copied text of each {@code tag} cell of a table row. */
    static List<String> cells(Browser browser, WebElement row, String tag) {
        return row.findElements(By.tagName(tag)).stream()
                .map(cell -> copiedText(browser, cell))
                .toList();
    }

    /**
     * {@code within} shows {@code alt} as an {@code img.emoji} from the bundled set that has loaded (its
     * {@code naturalWidth} is above 0: the browser fetched and decoded the SVG, the CSP let it through) and is
     * laid out at text size; returns it.
     */
    static WebElement assertLoadedEmoji(Browser browser, WebElement within, String alt) {
        List<WebElement> images = within.findElements(By.cssSelector("img.emoji")).stream()
                .filter(img -> alt.equals(img.getAttribute("alt")))
                .toList();
        assertFalse(images.isEmpty(), "an img.emoji with alt=\"" + alt + "\"");
        for (WebElement img : images) {
            String src = img.getAttribute("src");
            assertTrue(src.startsWith(browser.baseUrl().replaceAll("/$", "") + PREFIX), src);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10), Duration.ofMillis(50))
                    .until(d -> Boolean.TRUE.equals(browser.script("return arguments[0].complete;", img)));
            long naturalWidth = ((Number) browser.script("return arguments[0].naturalWidth;", img)).longValue();
            assertTrue(naturalWidth > 0, "the image " + src + " loaded (naturalWidth " + naturalWidth + ")");
            int width = img.getSize().getWidth();
            assertTrue(width >= 14 && width <= 40, "shown at text size, not as a picture: " + width + " px");
            assertEquals(img.getSize().getWidth(), img.getSize().getHeight(), "square");
        }
        return images.get(0);
    }
}
