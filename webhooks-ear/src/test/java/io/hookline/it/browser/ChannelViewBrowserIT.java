package io.hookline.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The channel view in Chromium (issue 7): the spec's build-break message as a heading and a table, an
 * XSS corpus that must never run a script, and new posts appearing without a reload.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(4)
class ChannelViewBrowserIT extends AdminBrowserTestBase {

    /** The XSS corpus' size when it last grew (see xss/README.md). Raise it when adding payloads. */
    static final int MIN_XSS_PAYLOADS = 130;

    /** The spec's first example, byte for byte as its curl sends it (raw newlines inside the JSON string). */
    static final String BUILD_BREAK = "payload={\"text\": \"" + BuildBreakExample.TEXT + "\"}";

    /** How fast a committed post must appear in an open channel view (issue 7). */
    static final Duration LIVE_UPDATE_LIMIT = Duration.ofSeconds(2);

    /**
     * Installed before any page script: every hostile payload calls window.__xss() if it ever runs, and
     * every blocked inline script or handler shows up as a CSP violation; both are counted.
     */
    static final String SENTINEL = "window.__xssRuns = 0; window.__xss = function () { window.__xssRuns++; };"
            + "window.__cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', function (e) {"
            + " window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI); });";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void arrange() {
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SENTINEL));
        ConsoleUsers.signInAsAdmin(browser);
    }

    @Test
    void theBuildBreakExampleShowsAsAHeadingAndATableWithEmojiAndLinks() {
        String channel = newOpenChannel();
        HttpResponse<String> posted =
                admin.postRaw("/hooks/" + newHook(channel), "application/x-www-form-urlencoded", BUILD_BREAK);
        assertEquals(200, posted.statusCode(), posted.body());
        assertEquals("ok", posted.body());

        browser.open("/console/channel.xhtml?id=" + channel).waitForPage();
        WebElement body = browser.find(".post .post-body");
        List<WebElement> rows = BuildBreakExample.assertDrawn(browser, body);
        assertEquals(List.of("iOS Client", "78", "⚠️ 3 (see details)"), EmojiImages.cells(browser, rows.get(3), "td"));
        assertEquals(List.of("0"), cells(rows.get(1), "td").subList(2, 3), "no emoji character is left as text");
        EmojiImages.assertLoadedEmoji(browser, rows.get(2), "⚠️");
        assertEquals(3, body.findElements(By.cssSelector("table img.emoji")).size());
        assertEquals(
                List.of("2 (see details)", "3 (see details)"),
                body.findElements(By.cssSelector("table a")).stream()
                        .map(WebElement::getText)
                        .toList());
        browser.screenshot("channel-build-break");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            browser.script("arguments[0].scrollIntoView({block: 'start'});", body);
            EmojiImages.assertLoadedEmoji(browser, rows.get(1), "✅");
            browser.screenshot("channel-build-break-phone");
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
        assertNoScriptsRan();
    }

    @Test
    void anAttachmentShowsItsColourAuthorTitleFieldsImageAndFooterAndTheEmojiIcon() {
        allowUsernameAndIconOverride();
        String channel = newOpenChannel();
        JsonObject payload = Json.createObjectBuilder()
                .add("username", "monitor")
                .add("icon_emoji", ":rotating_light:")
                .add(
                        "attachments",
                        Json.createArrayBuilder()
                                .add(DiskAlert.attachment(Json.createArrayBuilder()
                                                .add(DiskAlert.field("Host", "db-1", true))
                                                .add(DiskAlert.field("Severity", "critical", true))
                                                .add(DiskAlert.field(
                                                        "Runbook", "<https://wiki.example/disk|Disk runbook>", false)))
                                        .add("author_icon", "https://prometheus.example/icon.png")
                                        .add("image_url", "https://grafana.example/render.png")
                                        .add("footer_icon", "https://prometheus.example/f.png")))
                .build();
        assertEquals(200, admin.postJson("/hooks/" + newHook(channel), payload).statusCode());

        browser.open("/console/channel.xhtml?id=" + channel).waitForPage();
        WebElement post = browser.find(".post");
        assertEquals("monitor", post.findElement(By.cssSelector(".post-author")).getText());
        WebElement avatar = post.findElement(By.cssSelector(".avatar-emoji"));
        assertEquals("img", avatar.getTagName(), "icon_emoji shown as the bundled image (issue 21)");
        assertEquals("🚨", avatar.getAttribute("alt"), "icon_emoji's image has the emoji as its alt text");
        assertTrue(avatar.getAttribute("src").endsWith(EmojiImages.PREFIX + "1f6a8.svg"), avatar.getAttribute("src"));
        assertTrue(
                ((Number) browser.script("return arguments[0].naturalWidth;", avatar)).longValue() > 0,
                "the avatar's emoji image loaded");
        WebElement attachment = post.findElement(By.cssSelector(".attachment"));
        assertEquals(
                "rgba(163, 2, 0, 1)", attachment.getCssValue("border-left-color"), "Slack's danger colour #a30200");
        assertEquals(
                "Alert from prod",
                attachment.findElement(By.cssSelector(".attachment-pretext")).getText());
        WebElement author = attachment.findElement(By.cssSelector(".attachment-author a"));
        assertEquals("Prometheus", author.getText());
        assertEquals("https://prometheus.example/", author.getAttribute("href"));
        assertEquals(
                "https://prometheus.example/icon.png",
                attachment
                        .findElement(By.cssSelector(".attachment-author-icon"))
                        .getAttribute("src"));
        WebElement title = attachment.findElement(By.cssSelector(".attachment-title a"));
        assertEquals("Disk usage 91%", title.getText());
        assertEquals("https://grafana.example/d/1", title.getAttribute("href"));
        assertEquals(
                "db-1",
                attachment
                        .findElement(By.cssSelector(".attachment-text strong"))
                        .getText());
        List<WebElement> rows = attachment.findElements(By.cssSelector(".attachment-field-row"));
        assertEquals(2, rows.size(), "two short fields share a row; the long one has its own");
        assertEquals(
                2,
                rows.get(0)
                        .findElements(By.cssSelector(".attachment-field.short"))
                        .size());
        assertEquals(
                "Host",
                rows.get(0)
                        .findElements(By.cssSelector(".attachment-field-title"))
                        .get(0)
                        .getText());
        assertEquals(
                "critical",
                rows.get(0)
                        .findElements(By.cssSelector(".attachment-field-value"))
                        .get(1)
                        .getText());
        assertEquals(
                "https://wiki.example/disk",
                rows.get(1).findElement(By.cssSelector("a")).getAttribute("href"));
        assertEquals(
                "https://grafana.example/render.png",
                attachment.findElement(By.cssSelector(".attachment-image")).getAttribute("src"));
        String footer =
                attachment.findElement(By.cssSelector(".attachment-footer")).getText();
        assertTrue(footer.startsWith("Alertmanager | 2023-11-14 22:13 UTC"), footer);
        browser.screenshot("channel-attachment");
        assertNoScriptsRan();
    }

    @Test
    void theXssCorpusNeverRunsAScript() throws Exception {
        JsonArray corpus;
        try (InputStream in = getClass().getResourceAsStream("/xss/corpus.json")) {
            corpus = Json.createReader(in).readArray();
        }
        assertTrue(
                corpus.size() >= MIN_XSS_PAYLOADS,
                "at least " + MIN_XSS_PAYLOADS + " hostile payloads, found " + corpus.size()
                        + ": payloads were lost (when adding payloads, raise MIN_XSS_PAYLOADS)");
        String channel = newOpenChannel();
        String hook = newHook(channel);
        // The hook's creator may override names and icons: the hostile usernames and icons must show too.
        allowUsernameAndIconOverride();
        List<String> refused = new ArrayList<>();
        for (JsonValue entry : corpus) {
            JsonObject item = entry.asJsonObject();
            HttpResponse<String> response = admin.postJson("/hooks/" + hook, item.getJsonObject("payload"));
            if (response.statusCode() != 200) {
                refused.add(item.getString("name") + ": " + response.statusCode() + " " + response.body());
            }
        }
        assertTrue(refused.isEmpty(), "every corpus payload is accepted (and so rendered): " + refused);

        browser.open("/console/channel.xhtml?id=" + channel).waitForPage();
        while (browser.has("a.load-older")) {
            int before = browser.all(".post").size();
            browser.clickAndWait("a.load-older");
            assertTrue(browser.all(".post").size() > before, "older posts loaded");
        }
        int shown = browser.all(".post").size();
        assertTrue(shown >= corpus.size(), "all corpus posts are on the page: " + shown);
        browser.screenshot("channel-xss-corpus");

        Number javascriptLinks = (Number)
                browser.script(
                        "return Array.from(document.querySelectorAll('.post-list [href], .post-list [src]'))"
                                + ".filter(e => /^\\s*(javascript|data|vbscript):/i.test(e.getAttribute('href') || e.getAttribute('src') || '')).length");
        assertEquals(0, javascriptLinks.intValue(), "no javascript:, data: or vbscript: URL in any post");
        Number scripts =
                (Number) browser.script("return document.querySelectorAll('.post-list script, .post-list iframe, "
                        + ".post-list object, .post-list embed, .post-list svg, .post-list style').length");
        assertEquals(0, scripts.intValue(), "no script, iframe, object, embed, svg or style element in any post");
        Number handlers = (Number) browser.script("return Array.from(document.querySelectorAll('.post-list *'))"
                + ".filter(e => Array.from(e.attributes).some(a => a.name.toLowerCase().startsWith('on'))).length");
        assertEquals(0, handlers.intValue(), "no event handler attribute in any post");
        assertNoScriptsRan();
        System.out.println("XSS corpus in Chromium: " + corpus.size() + " payloads, " + shown
                + " posts shown, 0 script executions, 0 javascript: URLs");
    }

    @Test
    void aNewPostAppearsWithoutReloadingWithinTwoSeconds() {
        String channel = newOpenChannel();
        String hook = newHook(channel);
        browser.open("/console/channel.xhtml?id=" + channel).waitForPage();
        new WebDriverWait(browser.driver(), Browser.WAIT)
                .until(d -> "live".equals(browser.find("#live").getAttribute("data-state")));
        browser.script("window.__notReloaded = true;");

        String text = "live update " + System.nanoTime();
        long start = System.nanoTime();
        assertEquals(
                200,
                admin.postJson(
                                "/hooks/" + hook,
                                Json.createObjectBuilder().add("text", text).build())
                        .statusCode());
        new WebDriverWait(browser.driver(), LIVE_UPDATE_LIMIT, Duration.ofMillis(50))
                .until(d -> browser.pageText().contains(text));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(
                Boolean.TRUE, browser.script("return window.__notReloaded === true;"), "the page was not reloaded");
        System.out.println(
                "Live update: the post appeared in the open channel view " + millis + " ms after the hook answered");
        browser.screenshot("channel-live-update");
        assertNoScriptsRan();
    }

    // --- helpers -----------------------------------------------------------------------------------------

    /** Lets a hook's creator override the post's username and icon (System Console → Integrations). */
    private static void allowUsernameAndIconOverride() {
        admin.put(
                "/api/v4/config/patch",
                Json.createObjectBuilder()
                        .add(
                                "ServiceSettings",
                                Json.createObjectBuilder()
                                        .add("EnablePostUsernameOverride", true)
                                        .add("EnablePostIconOverride", true))
                        .build());
    }

    private static String newHook(String channelId) {
        return newHook(channelId, "browser test");
    }

    private static List<String> cells(WebElement row, String tag) {
        return row.findElements(By.tagName(tag)).stream()
                .map(WebElement::getText)
                .map(String::trim)
                .collect(Collectors.toList());
    }

    private static void assertNoScriptsRan() {
        assertEquals(0L, ((Number) browser.script("return window.__xssRuns;")).longValue(), "hostile scripts ran");
        Object violations = browser.script("return window.__cspViolations;");
        assertEquals(List.of(), violations, "CSP violations (something tried to run inline script)");
        // Remote images (hook icons, attachment images) cannot load on a closed network: not script errors.
        var errors = browser.consoleErrors().stream()
                .filter(e -> !e.contains("Failed to load resource") && !e.contains("net::ERR_"))
                .toList();
        assertTrue(errors.isEmpty(), "script errors: " + errors);
    }
}
