package io.hookline.it.browser;

import static io.hookline.it.ApiFixtures.newestPost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hookline.it.ApiFixtures;
import io.hookline.it.Deployments;
import jakarta.json.Json;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 18, point 3, in Chromium: a post edited through its hook URL is redrawn in place in an open channel view
 * (same place in the list, no reload), and a post deleted through it leaves the view.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(5)
class HookPostEditBrowserIT extends AdminBrowserTestBase {

    /** As fast as a new post must appear (ChannelViewBrowserIT.LIVE_UPDATE_LIMIT). */
    static final Duration LIVE_UPDATE_LIMIT = Duration.ofSeconds(2);
    /**
     * More than ChannelPage.LATE_COMMIT_WINDOW_MS between the edited post and the newest: the edit must be found
     * as an edit (by update_at), not because the view re-reads its newest few seconds of posts anyway.
     */
    static final long OLDER_THAN_LATE_WINDOW_MS = 5_500;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void signIn() {
        ConsoleUsers.signInAsAdmin(browser);
    }

    @Test
    void anEditShowsInPlaceAndADeleteLeavesTheOpenView() throws InterruptedException {
        String channel = newOpenChannel();
        String hook = newHook(channel);
        String running = "Build #42 running " + System.nanoTime();
        post(hook, running);
        String editedId = newestPost(admin, channel).getString("id");
        Thread.sleep(OLDER_THAN_LATE_WINDOW_MS);
        String later = "Deploy queued " + System.nanoTime();
        post(hook, later);

        browser.open("/console/channel.xhtml?id=" + channel).waitForPage();
        new WebDriverWait(browser.driver(), Browser.WAIT)
                .until(d -> "live".equals(browser.find("#live").getAttribute("data-state")));
        browser.script("window.__notReloaded = true;");
        assertEquals(List.of(editedId, newestPost(admin, channel).getString("id")), postIds());
        browser.screenshot("hook-edit-before");

        String passed = "Build #42 passed " + System.nanoTime();
        HttpResponse<String> edit = hookUrl(
                "PATCH",
                hook,
                editedId,
                Json.createObjectBuilder()
                        .add("text", passed + " :white_check_mark:")
                        .build()
                        .toString());
        assertEquals(200, edit.statusCode(), edit.body());
        new WebDriverWait(browser.driver(), LIVE_UPDATE_LIMIT, Duration.ofMillis(50))
                .until(d -> postText(editedId).contains(passed));
        assertFalse(browser.pageText().contains(running), "the old text is gone");
        assertEquals(editedId, postIds().get(0), "edited in place: still the first post");
        assertEquals(2, postIds().size());
        assertEquals(
                Boolean.TRUE, browser.script("return window.__notReloaded === true;"), "the page was not reloaded");
        browser.screenshot("hook-edit-after");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.screenshot("hook-edit-after-phone");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));

        HttpResponse<String> delete = hookUrl("DELETE", hook, editedId, null);
        assertEquals(200, delete.statusCode(), delete.body());
        new WebDriverWait(browser.driver(), LIVE_UPDATE_LIMIT, Duration.ofMillis(50))
                .until(d -> !postIds().contains(editedId));
        assertEquals(1, postIds().size());
        assertFalse(browser.pageText().contains(passed));
        assertEquals(
                Boolean.TRUE, browser.script("return window.__notReloaded === true;"), "the page was not reloaded");
        browser.screenshot("hook-delete-after");
    }

    /** Read in one script: the list is re-rendered by each live refresh, so element handles go stale. */
    @SuppressWarnings("unchecked")
    private static List<String> postIds() {
        return (List<String>) browser.script("return Array.from(document.querySelectorAll('article.post'))"
                + ".map(function (e) { return e.getAttribute('data-post-id'); });");
    }

    private static String postText(String postId) {
        Object text = browser.script(
                "var e = document.querySelector(\"article.post[data-post-id='\" + arguments[0]"
                        + " + \"']\"); return e ? e.textContent : '';",
                postId);
        return text == null ? "" : text.toString();
    }

    private static void post(String hook, String text) {
        ApiFixtures.assertHookOk(ApiFixtures.hookJson(
                hook, Json.createObjectBuilder().add("text", text).build().toString()));
    }

    private static HttpResponse<String> hookUrl(String method, String hook, String postId, String json) {
        return ApiFixtures.anonymous()
                .send(method, "/hooks/" + hook + "/posts/" + postId, json == null ? null : ApiFixtures.JSON, json);
    }

    private static String newHook(String channelId) {
        return newHook(channelId, "edit test");
    }
}
