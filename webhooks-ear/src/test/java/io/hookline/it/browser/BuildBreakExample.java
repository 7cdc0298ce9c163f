package io.hookline.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The spec's first incoming-webhook example, the "Build Break" table, as the browser tests send it and expect it
 * drawn: a heading and a table with emoji and links.
 */
final class BuildBreakExample {

    /** The message text, byte for byte as the spec's curl sends it inside the JSON string (raw newlines). */
    static final String TEXT = """

            ---
            ##### Build Break - Project X - December 12, 2015 - 15:32 GMT +0
            | Component  | Tests Run   | Tests Failed                                   |
            |:-----------|:------------|:-----------------------------------------------|
            | Server     | 948         | :white_check_mark: 0                           |
            | Web Client | 123         | :warning: [2 (see details)](http://linktologs) |
            | iOS Client | 78          | :warning: [3 (see details)](http://linktologs) |
            ---
            """;

    /** The heading the post shows (an h5). */
    static final String HEADING = "Build Break - Project X - December 12, 2015 - 15:32 GMT +0";

    private BuildBreakExample() {}

    /**
     * The post {@code body} shows the example: its heading, the header and the first two component rows (their
     * emoji as loaded images of the bundled set), the two links and the two rules. Returns the table's rows, the
     * header row first.
     */
    static List<WebElement> assertDrawn(Browser browser, WebElement body) {
        assertEquals(HEADING, body.findElement(By.tagName("h5")).getText());
        List<WebElement> rows = body.findElements(By.cssSelector("table tr"));
        assertEquals(4, rows.size(), "a header row and three component rows");
        assertEquals(
                List.of("Component", "Tests Run", "Tests Failed"),
                rows.get(0).findElements(By.tagName("th")).stream()
                        .map(WebElement::getText)
                        .toList());
        // Issue 21: the emoji are images from the bundled set; copied, they are the emoji again.
        assertEquals(List.of("Server", "948", "✅ 0"), EmojiImages.cells(browser, rows.get(1), "td"));
        assertEquals(List.of("Web Client", "123", "⚠️ 2 (see details)"), EmojiImages.cells(browser, rows.get(2), "td"));
        EmojiImages.assertLoadedEmoji(browser, rows.get(1), "✅");
        List<WebElement> links = body.findElements(By.cssSelector("table a"));
        assertEquals(2, links.size());
        for (WebElement link : links) {
            assertEquals("http://linktologs/", link.getAttribute("href"));
        }
        assertEquals(2, body.findElements(By.tagName("hr")).size(), "the two --- rules");
        return rows;
    }
}
