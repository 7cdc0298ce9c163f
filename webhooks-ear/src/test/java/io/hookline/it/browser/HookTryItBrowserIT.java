package io.hookline.it.browser;

import static io.hookline.it.ApiFixtures.addChannelMember;
import static io.hookline.it.ApiFixtures.addTeamMember;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.mainTeamId;
import static io.hookline.it.ApiFixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import io.hookline.it.Deployments;
import io.hookline.it.HooklineClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Issue 18, point 6, in Chromium: the hook page's "Try it" panel. Its editor comes with the spec's build-break
 * table; "Preview" shows it as the channel view does (heading, table, links) and stores nothing (the channel's
 * posts, the hook's delivery log and "last used" unchanged, read through the API); a broken payload shows the
 * error id the real request would get, as an alert tied to the editor; "Send" posts it (one post more, the
 * table's text) and links to the channel, which shows the table. Screenshots at desktop and phone widths.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(5)
class HookTryItBrowserIT extends AdminBrowserTestBase {

    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private static TestUser tess;
    private static String channelId;

    @BeforeAll
    static void arrange() {
        tess = newUser(admin, "tess");
        String team = mainTeamId(admin);
        addTeamMember(admin, team, tess.id());
        JsonObject channel = createChannel(admin, team, "O");
        channelId = channel.getString("id");
        addChannelMember(admin, channelId, tess.id());
    }

    @Test
    void previewShowsTheBuildBreakTableWithoutPostingAndSendPostsIt() {
        JsonObject hook = HooklineClient.json(tess.client()
                .postJson(
                        "/api/v4/hooks/incoming",
                        Json.createObjectBuilder()
                                .add("channel_id", channelId)
                                .add("display_name", "CI")
                                .build()));
        String hookId = hook.getString("id");
        ConsoleUsers.signIn(browser, tess.username(), tess.password());
        browser.open("/console/hooks/index.xhtml").waitForPage();
        browser.clickAndWait("a.edit-hook");
        assertEquals("/console/hooks/edit.xhtml", browser.path());

        // The editor, labelled, holds the spec's example.
        WebElement editor = browser.find("#tryit\\:payload");
        assertEquals(
                "Payload (JSON)",
                browser.text("label[for='tryit:payload']").replace("*", "").strip());
        assertEquals("{\"text\": \"" + BuildBreakExample.TEXT + "\"}", editor.getAttribute("value"));

        // Preview: the table as the channel view renders it, and nothing stored.
        browser.click("#tryit\\:preview");
        browser.waitForText(".try-target", "Preview, nothing posted: 1 post for");
        BuildBreakExample.assertDrawn(browser, browser.find(".try-preview .post .post-body"));
        assertEquals("BOT", browser.text(".try-preview .bot-tag"));
        assertEquals(0, postCount(), "a preview posts nothing");
        assertEquals(
                0,
                HooklineClient.json(tess.client().get("/api/v4/hooks/incoming/" + hookId))
                        .getJsonNumber("last_used_at")
                        .longValue(),
                "a preview leaves the hook unused");
        assertEquals(
                "[]",
                tess.client()
                        .get("/api/v4/hooks/incoming/" + hookId + "/deliveries")
                        .body()
                        .strip(),
                "a preview is no request to the hook's URL: no delivery log entry");
        assertFalse(browser.driver().getPageSource().contains(hookId), "the page never holds the hook id");
        assertNoConsoleErrors();
        showPanel();
        browser.screenshot("tryit-preview");
        browser.driver().manage().window().setSize(PHONE);
        showPanel();
        browser.screenshot("tryit-preview-phone");
        browser.script("document.querySelector('.try-preview').scrollIntoView({block: 'start'});");
        browser.screenshot("tryit-preview-phone-table");
        browser.driver().manage().window().setSize(DESKTOP);

        // A broken payload: the real request's error id and message, announced and tied to the editor.
        setEditor("{\"text\": ");
        browser.click("#tryit\\:preview");
        browser.waitForText(".try-error-id", "invalid_payload");
        assertEquals("The payload is not valid JSON.", browser.text(".try-error-message"));
        assertEquals("400", browser.text(".try-error-status"));
        assertEquals("alert", browser.find(".try-error").getAttribute("role"));
        assertEquals("polite", browser.find("#tryit-result").getAttribute("aria-live"));
        editor = browser.find("#tryit\\:payload");
        assertEquals("true", editor.getAttribute("aria-invalid"));
        assertTrue(editor.getAttribute("aria-describedby").contains("tryit-result"));
        assertFalse(browser.has(".try-preview"), "no preview for a refused payload");
        // Text without a message: the pipeline's own refusal, after parsing.
        setEditor("{\"text\": \"   \"}");
        browser.click("#tryit\\:preview");
        browser.waitForText(".try-error-id", "no_text");
        assertEquals(0, postCount());
        assertNoConsoleErrors();
        showPanel();
        browser.screenshot("tryit-error");
        browser.driver().manage().window().setSize(PHONE);
        showPanel();
        browser.screenshot("tryit-error-phone");
        browser.driver().manage().window().setSize(DESKTOP);

        // The editor is bounded as a real request's body: past MaximumPayloadSizeBytes, 413's error id.
        setEditor("{\"text\": \"" + BuildBreakExample.TEXT + "\"}");
        int maxBytes = payloadLimit();
        try {
            setPayloadLimit(256);
            browser.click("#tryit\\:send");
            browser.waitForText(".try-error-id", "payload_too_large");
            assertEquals("413", browser.text(".try-error-status"));
            assertEquals("The request body is larger than 256 bytes.", browser.text(".try-error-message"));
        } finally {
            setPayloadLimit(maxBytes);
        }
        assertEquals(0, postCount());

        // Send: posted for real, once, with the table's text; an open channel view shows it without a reload,
        // and the panel's link opens the channel.
        String panel = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        browser.open("/console/channel.xhtml?id=" + channelId).waitForPage();
        browser.waitForText(".no-posts", "No messages");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Browser.WAIT)
                .until(d -> "live".equals(browser.find("#live").getAttribute("data-state")));
        browser.script("window.__notReloaded = true;");
        String channelView = browser.driver().getWindowHandle();
        browser.driver().switchTo().window(panel);
        browser.click("#tryit\\:send");
        browser.waitForText(".try-target", "Sent: 1 post in");
        assertEquals("false", browser.find("#tryit\\:payload").getAttribute("aria-invalid"));
        JsonObject posts = HooklineClient.json(tess.client().get("/api/v4/channels/" + channelId + "/posts"));
        assertEquals(1, posts.getJsonArray("order").size(), posts.toString());
        JsonObject post = posts.getJsonObject("posts")
                .getJsonObject(posts.getJsonArray("order").getString(0));
        assertEquals(BuildBreakExample.TEXT, post.getString("message"));
        assertEquals("true", post.getJsonObject("props").getString("from_webhook"));
        assertNoConsoleErrors();
        showPanel();
        browser.screenshot("tryit-sent");
        browser.driver().switchTo().window(channelView);
        BuildBreakExample.assertDrawn(browser, browser.find(".post .post-body"));
        assertEquals(
                Boolean.TRUE, browser.script("return window.__notReloaded === true;"), "the view was not reloaded");
        browser.driver().close();
        browser.driver().switchTo().window(panel);
        browser.clickAndWait("a.try-channel");
        assertEquals("/console/channel.xhtml", browser.path());
        BuildBreakExample.assertDrawn(browser, browser.find(".post .post-body"));
    }

    private static int payloadLimit() {
        return HooklineClient.json(ConsoleUsers.adminApi().get("/api/v4/config"))
                .getJsonObject("ServiceSettings")
                .getInt("MaximumPayloadSizeBytes");
    }

    private static void setPayloadLimit(int bytes) {
        HttpResponse<String> response = ConsoleUsers.adminApi()
                .put(
                        "/api/v4/config/patch",
                        Json.createObjectBuilder()
                                .add(
                                        "ServiceSettings",
                                        Json.createObjectBuilder().add("MaximumPayloadSizeBytes", bytes))
                                .build());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static int postCount() {
        HttpResponse<String> response = tess.client().get("/api/v4/channels/" + channelId + "/posts");
        assertEquals(200, response.statusCode(), response.body());
        return HooklineClient.json(response).getJsonArray("order").size();
    }

    /** Replaces the editor's text as a paste would (typing a long payload key by key is slow). */
    private static void setEditor(String text) {
        browser.script("arguments[0].value = arguments[1];", browser.find("#tryit\\:payload"), text);
    }

    /** Scrolls the panel to the top of the window, so the screenshot shows it. */
    private static void showPanel() {
        browser.script("document.querySelector('.try-it').scrollIntoView({block: 'start'});");
    }

    private static void assertNoConsoleErrors() {
        var errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), "script errors or CSP violations: " + errors);
    }
}
