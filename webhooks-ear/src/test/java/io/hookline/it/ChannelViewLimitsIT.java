package io.hookline.it;

import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.hookJson;
import static io.hookline.it.ApiFixtures.mainTeamId;
import static io.hookline.it.ApiFixtures.withServiceSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, point 6: a channel view holds a bounded window of posts, whatever they contain and whatever
 * {@code ?pages=} asks for. Big posts (16,000-character messages full of characters HTML must escape,
 * 40,000-character attachments, one attachment of 700,000 characters) are sent through a hook; the view
 * asked for a million pages must stay under the byte bound, show the newest, and leave out the oldest.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChannelViewLimitsIT {

    /** ChannelViewLimits.DEFAULT_MAX_BYTES: what one view's posts may render to. */
    static final int VIEW_MAX_BYTES = 2 * 1024 * 1024;
    /** The page around the posts (template, menus, scripts, view state), not counted in the window. */
    static final int PAGE_CHROME_BYTES = 64 * 1024;

    static final int POSTS = 40;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private static String marker(int n) {
        return String.format("viewmark%03dend", n);
    }

    /** Text that renders larger than it is: every third character is escaped by the renderer. */
    private static String hostileText(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append("a<b&c\"d ");
        }
        return text.substring(0, length);
    }

    @Test
    void aViewOfHugePostsAskedForAMillionPagesStaysUnderTheBoundWithTheNewestShown() {
        HooklineClient admin = ApiFixtures.admin();
        withServiceSettings(
                admin,
                Map.of("MaxPostSize", Json.createValue(16_383), "MaximumPayloadSizeBytes", Json.createValue(2_000_000)),
                () -> {
                    String channel =
                            createChannel(admin, mainTeamId(admin), "O").getString("id");
                    String hook = createHook(admin, channel).getString("id");
                    for (int n = 0; n < POSTS; n++) {
                        JsonObject payload = Json.createObjectBuilder()
                                .add("text", marker(n) + " " + hostileText(16_000))
                                .add(
                                        "attachments",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("fallback", "big")
                                                        .add("text", hostileText(40_000))))
                                .build();
                        HttpResponse<String> posted = hookJson(hook, payload.toString());
                        assertEquals(200, posted.statusCode(), posted.body());
                    }
                    // The newest: one attachment the size props allow at most, which escaping makes several MB of HTML.
                    JsonObject giant = Json.createObjectBuilder()
                            .add("text", marker(POSTS) + " the giant")
                            .add(
                                    "attachments",
                                    Json.createArrayBuilder()
                                            .add(Json.createObjectBuilder()
                                                    .add("fallback", "giant")
                                                    .add("text", hostileText(700_000))))
                            .build();
                    HttpResponse<String> posted = hookJson(hook, giant.toString());
                    assertEquals(200, posted.statusCode(), posted.body());

                    ConsoleSession console =
                            ConsoleSession.signIn(HooklineClient.adminUsername(), HooklineClient.adminPassword());
                    HttpResponse<String> page = console.get("/console/channel.xhtml?id=" + channel + "&pages=1000000");
                    assertEquals(200, page.statusCode(), "a huge ?pages= is clamped, not refused");
                    String html = page.body();
                    int bytes = html.getBytes(StandardCharsets.UTF_8).length;
                    int shown = 0;
                    for (int n = 0; n <= POSTS; n++) {
                        if (html.contains(marker(n))) {
                            shown++;
                        }
                    }
                    System.out.println("Channel view of " + (POSTS + 1) + " huge posts, ?pages=1000000: " + bytes
                            + " bytes, " + shown + " posts shown");
                    assertTrue(bytes <= VIEW_MAX_BYTES + PAGE_CHROME_BYTES, "page of " + bytes + " bytes");
                    assertTrue(bytes > VIEW_MAX_BYTES / 2, "the window was filled: " + bytes + " bytes");
                    assertTrue(html.contains(marker(POSTS)), "the newest (giant) post is shown");
                    assertTrue(
                            html.contains("Part of this message is too large to show here."),
                            "the giant post is shown cut to the per-post bound");
                    assertTrue(html.contains(marker(POSTS - 1)), "the newest ordinary post is shown");
                    assertFalse(html.contains(marker(0)), "the oldest post is left out");
                    assertTrue(shown < POSTS, "older posts were dropped: " + shown + " shown");
                    assertTrue(
                            html.contains("Older messages are not shown"), "the page says older messages are left out");
                    assertFalse(html.contains("load-older"), "no link to load what the view cannot hold");

                    HttpResponse<String> negative = console.get("/console/channel.xhtml?id=" + channel + "&pages=-7");
                    assertEquals(200, negative.statusCode(), "a pages below 1 is clamped to 1");
                    assertTrue(negative.body().contains(marker(POSTS)));
                });
    }
}
