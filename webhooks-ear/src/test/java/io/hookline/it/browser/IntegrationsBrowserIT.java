package io.hookline.it.browser;

import static io.hookline.it.ApiFixtures.addChannelMember;
import static io.hookline.it.ApiFixtures.addTeamMember;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.mainChannelId;
import static io.hookline.it.ApiFixtures.mainTeamId;
import static io.hookline.it.ApiFixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import io.hookline.it.Deployments;
import io.hookline.it.HooklineClient;
import io.hookline.it.Poll;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Integrations → Incoming Webhooks in Chromium, as issue 6's acceptance describes it: the admin's
 * override switch, a user's hook in their private group, its copied URL posting as "robot" with the BOT
 * tag, its recent deliveries on the edit page (issue 8), delete and regenerate (which keeps the delivery
 * log), and the 403s a non-admin meets.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrationsBrowserIT extends AdminBrowserTestBase {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private static TestUser dana;
    private static JsonObject privateGroup;

    @BeforeAll
    static void arrange() {
        dana = newUser(admin, "dana");
        String team = mainTeamId(admin);
        addTeamMember(admin, team, dana.id());
        privateGroup = createChannel(admin, team, "P");
        addChannelMember(admin, privateGroup.getString("id"), dana.id());
    }

    @Test
    @Order(1)
    void aHookPostsAsTheOverrideNameWhileTheAdminAllowsItAndAsItsCreatorAfter() {
        setUsernameOverride(true);

        ConsoleUsers.signIn(browser, dana.username(), dana.password());
        browser.open("/console/hooks/index.xhtml").waitForPage();
        browser.clickAndWait("#addHook");
        assertEquals("/console/hooks/edit.xhtml", browser.path());
        List<String> choices = new Select(browser.find("#hook\\:channel"))
                .getOptions().stream().map(WebElement::getText).toList();
        String groupChoice = privateGroup.getString("display_name") + " (private)";
        assertTrue(choices.contains(groupChoice), "the picker offers dana's private group: " + choices);
        assertTrue(choices.contains("Town Square"), "and the team's public channels: " + choices);
        assertTrue(browser.has("#hook\\:username"), "the default username field shows while overrides are on");
        browser.screenshot("integrations-add");

        new Select(browser.find("#hook\\:channel")).selectByVisibleText(groupChoice);
        browser.type("#hook\\:displayName", "Build bot")
                .type("#hook\\:description", "CI results")
                .clickAndWait("#hook\\:save");
        assertEquals("/console/hooks/index.xhtml", browser.path());
        assertTrue(browser.pageText().contains("Webhook created."), browser.pageText());
        String url = browser.text("code.hook-url");
        assertTrue(url.matches("http://[^/]+/hooks/[a-z2-7]{26}"), url);
        browser.click("button.copy-button").waitForText("button.copy-button", "Copied");
        browser.screenshot("integrations");
        assertNoConsoleErrors();

        assertEquals(
                200,
                post(
                                url,
                                Json.createObjectBuilder()
                                        .add("text", "deploy finished")
                                        .add("username", "robot")
                                        .build())
                        .statusCode());
        browser.open(browser.find("a.open-channel").getAttribute("href").replace(browser.baseUrl(), ""))
                .waitForPage();
        assertEquals("/console/channel.xhtml", browser.path());
        WebElement last = lastPost();
        assertEquals("robot", last.findElement(By.cssSelector(".post-author")).getText());
        assertEquals("BOT", last.findElement(By.cssSelector(".bot-tag")).getText());
        assertTrue(last.findElement(By.cssSelector(".post-body")).getText().contains("deploy finished"));
        browser.screenshot("channel-view-robot");

        setUsernameOverride(false);
        assertEquals(
                200,
                post(
                                url,
                                Json.createObjectBuilder()
                                        .add("text", "second deploy")
                                        .add("username", "robot")
                                        .build())
                        .statusCode());
        ConsoleUsers.signIn(browser, dana.username(), dana.password());
        browser.open("/console/channel.xhtml?id=" + privateGroup.getString("id"))
                .waitForPage();
        last = lastPost();
        assertTrue(last.findElement(By.cssSelector(".post-body")).getText().contains("second deploy"));
        assertEquals(
                dana.username(),
                last.findElement(By.cssSelector(".post-author")).getText(),
                "with the override off, the post shows its creator");
        assertEquals("BOT", last.findElement(By.cssSelector(".bot-tag")).getText());
    }

    @Test
    @Order(2)
    void editingAHookChangesItsNameAndKeepsItsUrl() {
        ConsoleUsers.signIn(browser, dana.username(), dana.password());
        browser.open("/console/hooks/index.xhtml").waitForPage();
        String url = browser.text("code.hook-url");

        // The edit page shows the hook's recent deliveries, newest first: a refusal, then the two posts above.
        assertEquals(400, post(url, Json.createObjectBuilder().build()).statusCode());
        awaitDeliveries(hookIdOf(url), 3);
        browser.clickAndWait("a.edit-hook");
        assertEditPageHidesTheHookId(hookIdOf(url));
        List<WebElement> rows = browser.all("#deliveries tbody tr");
        assertEquals(3, rows.size(), browser.text("#recentDeliveries"));
        assertEquals(
                "400",
                rows.get(0).findElement(By.cssSelector(".delivery-status")).getText());
        assertEquals(
                "no_text",
                rows.get(0).findElement(By.cssSelector(".delivery-error")).getText());
        assertTrue(rows.get(0).findElements(By.cssSelector("a.delivery-post")).isEmpty(), "a refusal posted nothing");
        assertEquals(
                "200",
                rows.get(1).findElement(By.cssSelector(".delivery-status")).getText());
        assertEquals(
                "", rows.get(1).findElement(By.cssSelector(".delivery-error")).getText());
        assertTrue(
                rows.get(1)
                        .findElement(By.cssSelector(".delivery-time"))
                        .getText()
                        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC"),
                "time to the second");
        assertTrue(
                rows.get(1)
                        .findElement(By.cssSelector(".delivery-address"))
                        .getText()
                        .matches("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1"),
                "the sender's address");
        String postId =
                rows.get(1).findElement(By.cssSelector("a.delivery-post")).getText();
        assertTrue(postId.matches("[a-z2-7]{26}"), postId);
        browser.screenshot("hook-deliveries");
        assertNoConsoleErrors();
        browser.clickAndWait("#deliveries tbody tr:nth-child(2) a.delivery-post");
        assertEquals("/console/channel.xhtml", browser.path(), "a post id opens its channel");
        assertTrue(
                browser.find(".post[data-post-id='" + postId + "'] .post-body")
                        .getText()
                        .contains("second deploy"),
                "the channel view shows the delivered post");

        browser.open("/console/hooks/index.xhtml").waitForPage();
        browser.clickAndWait("a.edit-hook");
        assertEquals("/console/hooks/edit.xhtml", browser.path());
        assertEditPageHidesTheHookId(hookIdOf(url));
        assertEquals("Build bot", browser.find("#hook\\:displayName").getAttribute("value"));
        assertTrue(!browser.has("#hook\\:username"), "no default username field while overrides are off");
        browser.type("#hook\\:displayName", "Release bot").clickAndWait("#hook\\:save");
        assertTrue(browser.pageText().contains("Webhook saved."), browser.pageText());
        assertEquals("Release bot", browser.text("strong.hook-name"));
        assertEquals(url, browser.text("code.hook-url"), "editing keeps the URL");

        // Bean Validation at and past the limit: 64 characters are a name, 65 are not.
        browser.clickAndWait("a.edit-hook");
        browser.type("#hook\\:displayName", "x".repeat(65)).clickAndWait("#hook\\:save");
        assertEquals("/console/hooks/edit.xhtml", browser.path());
        assertTrue(browser.pageText().contains("At most 64 characters."), browser.pageText());
        browser.type("#hook\\:displayName", "y".repeat(64)).clickAndWait("#hook\\:save");
        assertEquals("y".repeat(64), browser.text("strong.hook-name"));

        // An edit link from before console keys (?id=<hook id>) opens nothing and ends on the list, id gone.
        browser.open("/console/hooks/edit.xhtml?id=" + hookIdOf(url)).waitForPage();
        assertEquals("/console/hooks/index.xhtml", browser.path());
        assertFalse(
                browser.driver().getCurrentUrl().contains(hookIdOf(url)),
                browser.driver().getCurrentUrl());
        assertFalse(browser.has("#hook\\:displayName"), "no edit form for an old link");
    }

    @Test
    @Order(3)
    void deletingAHookInTheConsoleStopsItsUrl() {
        ConsoleUsers.signIn(browser, dana.username(), dana.password());
        browser.open("/console/hooks/index.xhtml").waitForPage();
        String url = browser.text("code.hook-url");
        assertEquals(200, post(url, text("still alive")).statusCode());

        browser.click("button.delete-hook").click("button.confirm-yes");
        browser.waitForText("#messages", "Webhook deleted.");
        assertTrue(browser.pageText().contains("No incoming webhooks yet."), browser.pageText());
        HttpResponse<String> refused = post(url, text("after delete"));
        assertEquals(404, refused.statusCode());
        assertEquals("no_service", HooklineClient.json(refused).getString("id"));
    }

    @Test
    @Order(4)
    void regeneratingGivesANewUrlAndRetiresTheOldOne() {
        JsonObject hook = HooklineClient.json(dana.client()
                .postJson(
                        "/api/v4/hooks/incoming",
                        Json.createObjectBuilder()
                                .add("channel_id", privateGroup.getString("id"))
                                .add("display_name", "Rotate me")
                                .build()));
        ConsoleUsers.signIn(browser, dana.username(), dana.password());
        browser.open("/console/hooks/index.xhtml").waitForPage();
        String oldUrl = browser.text("code.hook-url");
        assertTrue(oldUrl.endsWith("/hooks/" + hook.getString("id")), oldUrl);
        assertEquals(200, post(oldUrl, text("before the new URL")).statusCode());
        awaitDeliveries(hook.getString("id"), 1);

        browser.click("button.regenerate-hook").click("button.confirm-yes");
        browser.waitForText("#messages", "New URL created.");
        String newUrl = browser.text("code.hook-url");
        assertNotEquals(oldUrl, newUrl);
        assertEquals(404, post(oldUrl, text("old url")).statusCode());
        assertEquals(200, post(newUrl, text("new url")).statusCode());

        // The delivery log moved to the new URL's hook: the post through the old URL, then the new one (the
        // 404 to the old URL names no hook any more and is not kept).
        JsonArray log = awaitDeliveries(hookIdOf(newUrl), 2);
        assertEquals(2, log.size(), log.toString());
        assertEquals(
                List.of(200, 200),
                log.getValuesAs(JsonObject.class).stream()
                        .map(entry -> entry.getInt("status_code"))
                        .toList());
        assertEquals(
                404,
                dana.client()
                        .get("/api/v4/hooks/incoming/" + hook.getString("id") + "/deliveries")
                        .statusCode(),
                "the old id has no log any more");
        browser.clickAndWait("a.edit-hook");
        assertEquals(2, browser.all("#deliveries tbody tr .delivery-status").size(), browser.text("#recentDeliveries"));
    }

    @Test
    @Order(5)
    void serviceSettingsRefuseSizesPastTheirLimits() {
        ConsoleUsers.signInAsAdmin(browser);
        browser.open("/console/system/settings.xhtml").waitForPage();
        browser.type("#settings\\:maxPostSize", "16384").clickAndWait("#settings\\:save");
        assertTrue(browser.pageText().contains("At most 16383 characters."), browser.pageText());
        browser.type("#settings\\:maxPostSize", "16383")
                .type("#settings\\:maximumPayloadSizeBytes", "63")
                .clickAndWait("#settings\\:save");
        assertTrue(browser.pageText().contains("At least 64 bytes."), browser.pageText());
        browser.type("#settings\\:maxPostSize", "16383")
                .type("#settings\\:maximumPayloadSizeBytes", "64")
                .clickAndWait("#settings\\:save");
        assertTrue(browser.pageText().contains("Settings saved."), browser.pageText());
        JsonObject service = HooklineClient.json(admin.get("/api/v4/config")).getJsonObject("ServiceSettings");
        assertEquals(16383, service.getInt("MaxPostSize"));
        assertEquals(64, service.getInt("MaximumPayloadSizeBytes"));
        browser.type("#settings\\:maxPostSize", "4000")
                .type("#settings\\:maximumPayloadSizeBytes", "300000")
                .clickAndWait("#settings\\:save");
        assertEquals(
                300000,
                HooklineClient.json(admin.get("/api/v4/config"))
                        .getJsonObject("ServiceSettings")
                        .getInt("MaximumPayloadSizeBytes"));
    }

    @Test
    @Order(6)
    void errorPagesForUnknownPagesAndExpiredForms() {
        ConsoleUsers.signInAsAdmin(browser);
        browser.open("/console/no-such-page.xhtml").waitForPage();
        assertTrue(browser.pageText().contains("Not found"), browser.pageText());
        // A form whose view state the server does not know (expired session, or forged): refused, nothing saved.
        browser.open("/console/system/settings.xhtml").waitForPage();
        browser.script("document.querySelector('#settings input[name=\"jakarta.faces.ViewState\"]').value = '1:2';");
        browser.find("#settings\\:maxPostSize").clear();
        browser.find("#settings\\:maxPostSize").sendKeys("1234");
        browser.clickAndWait("#settings\\:save");
        assertTrue(browser.pageText().contains("This page has expired"), browser.pageText());
        assertTrue(!browser.pageText().contains("Exception"), "no stack trace: " + browser.pageText());
        assertEquals(
                4000,
                HooklineClient.json(admin.get("/api/v4/config"))
                        .getJsonObject("ServiceSettings")
                        .getInt("MaxPostSize"));
        browser.screenshot("error-expired");
    }

    @Test
    @Order(7)
    void aNonAdminMeetsForbiddenOnSystemConsoleAndOnSomeoneElsesHook() throws Exception {
        JsonObject adminsHook = HooklineClient.json(admin.postJson(
                "/api/v4/hooks/incoming",
                Json.createObjectBuilder()
                        .add("channel_id", mainChannelId(admin, "town-square"))
                        .build()));
        String adminsKey = editKeyOf(adminsHook.getString("id"));
        ConsoleUsers.signIn(browser, dana.username(), dana.password());
        for (String path : List.of("/console/system/settings.xhtml", "/console/hooks/edit.xhtml?hook=" + adminsKey)) {
            browser.open(path).waitForPage();
            assertTrue(browser.pageText().contains("Not allowed"), path + ": " + browser.pageText());
            assertEquals(403, statusWithBrowserSession(path), path);
        }
        browser.screenshot("forbidden");
        assertEquals(404, statusWithBrowserSession("/console/hooks/edit.xhtml?hook=" + "a".repeat(12)));
        assertTrue(!browser.has("#navSystem"), "no System Console link for a non-admin");
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private static void setUsernameOverride(boolean on) {
        ConsoleUsers.signInAsAdmin(browser);
        browser.open("/console/system/settings.xhtml").waitForPage();
        WebElement box = browser.find("#settings\\:enablePostUsernameOverride");
        if (box.isSelected() != on) {
            box.click();
        }
        browser.clickAndWait("#settings\\:save");
        assertTrue(browser.pageText().contains("Settings saved."), browser.pageText());
        assertEquals(on, browser.find("#settings\\:enablePostUsernameOverride").isSelected());
        if (on) {
            browser.screenshot("system-settings");
        }
        assertNoConsoleErrors();
    }

    /**
     * Issue 15: the edit page's address names the hook by its short console key, and neither the address nor
     * the page holds the hook id (the secret of its URL).
     */
    private static void assertEditPageHidesTheHookId(String hookId) {
        String address = browser.driver().getCurrentUrl();
        assertTrue(address.matches(".*/console/hooks/edit\\.xhtml\\?hook=[a-z0-9]{1,16}"), address);
        assertFalse(address.contains(hookId), address);
        assertFalse(browser.driver().getPageSource().contains(hookId), "the edit page's source holds the hook id");
    }

    /** The console key of a hook, from the Edit link in its row of the admin's Integrations page. */
    private static String editKeyOf(String hookId) {
        ConsoleUsers.signInAsAdmin(browser);
        browser.open("/console/hooks/index.xhtml").waitForPage();
        WebElement row = browser.all("table tbody tr").stream()
                .filter(r -> r.getText().contains("/hooks/" + hookId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for the hook"));
        String href = row.findElement(By.cssSelector("a.edit-hook")).getAttribute("href");
        assertFalse(href.contains(hookId), href);
        return href.replaceAll(".*[?&]hook=([^&]+).*", "$1");
    }

    private static String hookIdOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Polls the hook's delivery log through the API (as dana) until it holds {@code count} entries (3 s at most). */
    private static JsonArray awaitDeliveries(String hookId, int count) {
        return Poll.until(
                Duration.ofSeconds(3),
                () -> {
                    HttpResponse<String> response =
                            dana.client().get("/api/v4/hooks/incoming/" + hookId + "/deliveries");
                    assertEquals(200, response.statusCode(), response.body());
                    return HooklineClient.jsonArray(response);
                },
                log -> log.size() >= count,
                log -> "expected " + count + " deliveries of " + hookId + ": " + log);
    }

    private static WebElement lastPost() {
        browser.find(".post");
        List<WebElement> posts = browser.all(".post");
        return posts.get(posts.size() - 1);
    }

    private static JsonObject text(String text) {
        return Json.createObjectBuilder().add("text", text).build();
    }

    private static HttpResponse<String> post(String url, JsonObject payload) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(payload.toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("POST " + url, e);
        }
    }

    /** The HTTP status the browser's signed-in session gets for a page (Selenium cannot see statuses). */
    private static int statusWithBrowserSession(String path) throws Exception {
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(browser.baseUrl() + path))
                                .header("Cookie", "JSESSIONID=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static void assertNoConsoleErrors() {
        var errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), "script errors or CSP violations: " + errors);
    }
}
