package io.hookline.it.browser;

import static io.hookline.it.ApiFixtures.addChannelMember;
import static io.hookline.it.ApiFixtures.addTeamMember;
import static io.hookline.it.ApiFixtures.createChannel;
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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Issue 18, point 5, in Chromium: "Rotate URL" on the webhook list (with a choice of grace period) gives a new
 * URL while the old one keeps posting; the hook's page then says until when, lists the senders still using the
 * old URL (address, last time, count) and revokes it with "Revoke old URL now". Screenshots at desktop and
 * phone widths.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(4)
class HookRotationBrowserIT extends AdminBrowserTestBase {

    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private static TestUser erin;
    private static JsonObject group;

    @BeforeAll
    static void arrange() {
        erin = newUser(admin, "erin");
        String team = mainTeamId(admin);
        addTeamMember(admin, team, erin.id());
        group = createChannel(admin, team, "P");
        addChannelMember(admin, group.getString("id"), erin.id());
    }

    @Test
    void rotatingShowsWhoStillUsesTheOldUrlAndRevokesIt() {
        JsonObject hook = HooklineClient.json(erin.client()
                .postJson(
                        "/api/v4/hooks/incoming",
                        Json.createObjectBuilder()
                                .add("channel_id", group.getString("id"))
                                .add("display_name", "Nightly report")
                                .build()));
        ConsoleUsers.signIn(browser, erin.username(), erin.password());
        browser.open("/console/hooks/index.xhtml").waitForPage();
        String oldUrl = browser.text("code.hook-url");
        assertTrue(oldUrl.endsWith("/hooks/" + hook.getString("id")), oldUrl);

        // "Rotate URL" offers the grace periods; pick a day.
        browser.click("button.rotate-hook, .rotate-hook > button");
        // The menu slides open: read its entries once the last one shows.
        browser.waitForText(".rotate-grace-3", "30 days");
        List<String> choices =
                browser.all(".rotate-grace").stream().map(WebElement::getText).toList();
        assertEquals(
                List.of(
                        "Keep the old URL for 1 hour",
                        "Keep the old URL for 1 day",
                        "Keep the old URL for 7 days",
                        "Keep the old URL for 30 days"),
                choices);
        browser.screenshot("rotate-menu");
        browser.click(".rotate-grace-1");
        browser.waitForText("#messages", "The old URL keeps working until");
        String newUrl = browser.text("code.hook-url");
        assertNotEquals(oldUrl, newUrl);
        assertTrue(browser.text(".previous-url").contains("The old URL works until"), browser.text(".previous-url"));
        assertNoConsoleErrors();
        browser.screenshot("rotated-list");

        // Both URLs post; the delivery log marks the one through the old URL.
        assertEquals(200, post(oldUrl, "from the old URL").statusCode());
        assertEquals(200, post(oldUrl, "again from the old URL").statusCode());
        assertEquals(200, post(newUrl, "from the new URL").statusCode());
        String newId = newUrl.substring(newUrl.lastIndexOf('/') + 1);
        awaitDeliveries(newId, 3);

        browser.clickAndWait("a.previous-url-senders");
        assertEquals("/console/hooks/edit.xhtml", browser.path());
        assertFalse(browser.driver().getPageSource().contains(newId), "the hook page never holds the hook id");
        String notice = browser.text(".rotation-notice");
        assertTrue(notice.contains("Old URL still works"), notice);
        assertTrue(notice.contains("keeps posting here until"), notice);
        List<WebElement> senders = browser.all(".previous-senders tbody tr .sender-address");
        assertEquals(1, senders.size(), notice);
        assertTrue(
                senders.get(0).getText().matches("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1"),
                senders.get(0).getText());
        assertEquals("2", browser.text(".sender-requests"));
        assertEquals(2, browser.all("#deliveries .delivery-old-url").size(), browser.text("#recentDeliveries"));
        assertNoConsoleErrors();
        showNotice();
        browser.screenshot("rotation-notice");
        browser.driver().manage().window().setSize(PHONE);
        showNotice();
        browser.screenshot("rotation-notice-phone");
        browser.open("/console/hooks/index.xhtml").waitForPage();
        browser.screenshot("rotated-list-phone");
        browser.driver().manage().window().setSize(DESKTOP);
        browser.clickAndWait("a.previous-url-senders");

        // "Revoke old URL now": confirmed, the old URL answers 404 at once; the new one keeps posting.
        browser.click("button.revoke-previous").click("#rotation\\:confirm button.confirm-yes");
        browser.waitForText("#messages", "The old URL no longer works.");
        assertFalse(browser.has(".rotation-notice"), "no notice once revoked");
        assertEquals(404, post(oldUrl, "after revoking").statusCode());
        assertEquals(200, post(newUrl, "after revoking").statusCode());
        assertNoConsoleErrors();
        browser.screenshot("rotation-revoked");
    }

    /** Scrolls the rotation notice to the top of the window, so the screenshot shows it. */
    private static void showNotice() {
        browser.script("document.querySelector('.rotation-notice').scrollIntoView({block: 'start'});");
    }

    private static JsonArray awaitDeliveries(String hookId, int count) {
        return Poll.until(
                Duration.ofSeconds(3),
                () -> {
                    HttpResponse<String> response =
                            erin.client().get("/api/v4/hooks/incoming/" + hookId + "/deliveries");
                    assertEquals(200, response.statusCode(), response.body());
                    return HooklineClient.jsonArray(response);
                },
                log -> log.size() >= count,
                log -> "expected " + count + " deliveries of " + hookId + ": " + log);
    }

    private static HttpResponse<String> post(String url, String text) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                                            .add("text", text)
                                            .build()
                                            .toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("POST " + url, e);
        }
    }

    private static void assertNoConsoleErrors() {
        var errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), "script errors or CSP violations: " + errors);
    }
}
