package io.hookline.it.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One headless Chromium per browser test class: opened before the class's tests and closed after them. A
 * subclass adds its own set-up in a {@code @BeforeAll} of another name, which JUnit runs after this one; the
 * test classes run one after another, so the one field serves each in turn.
 */
abstract class BrowserTestBase {

    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
