package io.hookline.it;

import static io.hookline.it.ApiFixtures.admin;
import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.hookJson;
import static io.hookline.it.ApiFixtures.mainTeamId;
import static io.hookline.it.ApiFixtures.newestPost;
import static io.hookline.it.ApiFixtures.postCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.Collections;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Attachments and Block Kit over HTTP: stored as Mattermost stores them, blocks translated, limits enforced. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlackContentIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    private String channelId;
    private String hookId;

    @BeforeEach
    void hookOnAFreshChannel() {
        admin = admin();
        channelId = createChannel(admin, mainTeamId(admin), "O").getString("id");
        hookId = createHook(admin, channelId).getString("id");
    }

    @Test
    void attachmentOnlyPostIsASlackAttachmentPost() {
        assertHookOk(hookJson(hookId, """
                {"attachments":[{"fallback":"Build failed","color":"danger","pretext":"CI <!here>",
                  "title":"Build #42","title_link":"https://ci.example.com/42","text":"See <https://ci.example.com/42|the log>",
                  "fields":[{"title":"Branch","value":"main","short":true},{"title":"No value","short":false}],
                  "footer":"ci","ts":1700000000}]}"""));
        JsonObject post = newestPost(admin, channelId);
        assertEquals("slack_attachment", post.getString("type"));
        assertEquals("", post.getString("message"));
        JsonArray attachments = post.getJsonObject("props").getJsonArray("attachments");
        assertEquals(1, attachments.size());
        JsonObject a = attachments.getJsonObject(0);
        assertEquals("danger", a.getString("color"));
        assertEquals("CI @here", a.getString("pretext"));
        assertEquals("See [the log](https://ci.example.com/42)", a.getString("text"));
        assertEquals("https://ci.example.com/42", a.getString("title_link"));
        assertEquals(2, a.getJsonArray("fields").size());
        assertEquals("main", a.getJsonArray("fields").getJsonObject(0).getString("value"));
    }

    @Test
    void hostileAttachmentUrlsAndColoursAreNotStored() {
        assertHookOk(hookJson(hookId, """
                {"attachments":[{"text":"x","color":"red;background:url(javascript:alert(1))",
                  "title":"t","title_link":"javascript:alert(1)","image_url":"data:image/png;base64,AAAA",
                  "author_icon":"vbscript:x"}]}"""));
        String stored = newestPost(admin, channelId).getJsonObject("props").toString();
        assertFalse(stored.contains("javascript:"), stored);
        assertFalse(stored.contains("data:image"), stored);
        assertFalse(stored.contains("vbscript:"), stored);
    }

    @Test
    void blocksOnlyPostIsTranslatedToMarkdown() {
        assertHookOk(hookJson(hookId, """
                {"blocks":[{"type":"header","text":{"type":"plain_text","text":"Deploy finished"}},
                  {"type":"section","text":{"type":"mrkdwn","text":"Service `api` to <https://example.com|prod>"}},
                  {"type":"divider"},
                  {"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"Open"}}]}]}"""));
        JsonObject post = newestPost(admin, channelId);
        String message = post.getString("message");
        assertTrue(message.contains("Deploy finished"), message);
        assertTrue(message.contains("[prod](https://example.com)"), message);
        assertTrue(message.contains("interactive elements not supported"), message);
        assertEquals(4, post.getJsonObject("props").getJsonArray("blocks").size(), "original blocks kept");
    }

    @Test
    void textWithBlocksIsTheNotificationFallbackAndIsKept() {
        assertHookOk(hookJson(hookId, """
                {"text":"fallback for notifications",
                 "blocks":[{"type":"section","text":{"type":"mrkdwn","text":"The real *message*"}}]}"""));
        JsonObject post = newestPost(admin, channelId);
        assertTrue(post.getString("message").contains("The real *message*"), post.getString("message"));
        assertFalse(post.getString("message").contains("fallback for notifications"));
        assertEquals("fallback for notifications", post.getJsonObject("props").getString("fallback"));
    }

    @Test
    void textAttachmentsAndBlocksTogether() {
        assertHookOk(hookJson(hookId, """
                {"text":"ignored fallback","blocks":[{"type":"section","text":{"type":"plain_text","text":"From blocks"}}],
                 "attachments":[{"text":"from an attachment","color":"good"}]}"""));
        JsonObject post = newestPost(admin, channelId);
        assertEquals("slack_attachment", post.getString("type"));
        assertTrue(post.getString("message").contains("From blocks"));
        assertEquals(
                "from an attachment",
                post.getJsonObject("props")
                        .getJsonArray("attachments")
                        .getJsonObject(0)
                        .getString("text"));
    }

    @Test
    void attachmentLimitsAtAndPastTheBoundary() {
        String one = "{\"text\":\"a\"}";
        assertHookOk(hookJson(hookId, "{\"attachments\":[" + String.join(",", Collections.nCopies(100, one)) + "]}"));
        int before = postCount(admin, channelId);
        assertError(
                400,
                "too_many_attachments",
                hookJson(hookId, "{\"attachments\":[" + String.join(",", Collections.nCopies(101, one)) + "]}"));
        assertError(
                400, "invalid_payload", hookJson(hookId, "{\"text\":\"x\",\"attachments\":[{\"text\":\"a\"},null]}"));
        assertError(400, "invalid_payload", hookJson(hookId, "{\"attachments\":[{\"fields\":[null]}]}"));
        assertError(400, "invalid_payload", hookJson(hookId, "{\"attachments\":[{\"title\":{\"x\":1}}]}"));
        assertEquals(before, postCount(admin, channelId));
    }

    @Test
    void propsLargerThanMattermostsCapAre400AndStoreNothing() {
        // Needs a body cap above the props cap: raise MaximumPayloadSizeBytes for this test only.
        ApiFixtures.withServiceSettings(
                admin, java.util.Map.of("MaximumPayloadSizeBytes", jakarta.json.Json.createValue(2_000_000)), () -> {
                    int before = postCount(admin, channelId);
                    String big = "x".repeat(200_000);
                    String attachment = "{\"pretext\":\"" + big + "\"}";
                    assertError(
                            400,
                            "invalid_payload",
                            hookJson(
                                    hookId,
                                    "{\"attachments\":[" + String.join(",", Collections.nCopies(4, attachment))
                                            + "]}"));
                    assertEquals(before, postCount(admin, channelId));
                    assertHookOk(hookJson(
                            hookId,
                            "{\"attachments\":[" + String.join(",", Collections.nCopies(3, attachment)) + "]}"));
                });
    }

    @Test
    void anAttachmentTextTooLongAloneIsCutLikeMattermost() {
        ApiFixtures.withServiceSettings(
                admin, java.util.Map.of("MaximumPayloadSizeBytes", jakarta.json.Json.createValue(2_000_000)), () -> {
                    assertHookOk(hookJson(
                            hookId,
                            "{\"attachments\":[{\"title\":\"long\",\"text\":\"" + "y".repeat(790_000) + "\"}]}"));
                    JsonObject props = newestPost(admin, channelId).getJsonObject("props");
                    String text =
                            props.getJsonArray("attachments").getJsonObject(0).getString("text");
                    assertTrue(text.length() < 760_000 && text.length() > 750_000, "cut to fit: " + text.length());
                    assertTrue(props.toString().length() <= 760_000, "props within the cap");
                });
    }

    /** The captured Block Kit and attachment payloads of real clients store the markdown a reader expects. */
    @Test
    void capturedBlockAndAttachmentPayloadsStoreTheExpectedMarkdown() throws java.io.IOException {
        java.nio.file.Path captures = SlackFixturesIT.capturesDir();
        for (String fixture : new String[] {"@slack_webhook@8.0.2-blocks.body", "slack-api-client-java-blocks.body"}) {
            assertHookOk(hookJson(hookId, java.nio.file.Files.readString(captures.resolve(fixture))));
            JsonObject post = newestPost(admin, channelId);
            String message = post.getString("message");
            assertTrue(message.contains("Deploy finished"), fixture + ": " + message);
            assertTrue(message.contains("[prod](https://example.com)"), fixture + ": " + message);
            assertTrue(message.contains("![img](https://example.com/img.png)"), fixture + ": " + message);
            assertTrue(message.contains("1.2.3"), fixture + ": " + message);
            assertTrue(message.contains("interactive elements not supported"), fixture + ": " + message);
            assertEquals(
                    "fallback text for notifications",
                    post.getJsonObject("props").getString("fallback"));
        }
        // Sent to this test's channel rather than the capture's #alerts.
        assertHookOk(hookJson(
                hookId,
                java.nio.file.Files.readString(captures.resolve("alertmanager-default-firing.body"))
                        .replace("\"channel\":\"#alerts\",", "")));
        JsonObject alert = newestPost(admin, channelId);
        assertEquals("slack_attachment", alert.getString("type"));
        JsonObject attachment =
                alert.getJsonObject("props").getJsonArray("attachments").getJsonObject(0);
        assertTrue(attachment.getString("title").contains("FIRING"), attachment.toString());
    }
}
