package io.hookline.ejb.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import io.hookline.ejb.post.PostSplitter;
import io.hookline.ejb.settings.RateLimitSettings;
import io.hookline.ejb.settings.Settings;
import io.hookline.ejb.slack.MentionResolver;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hook pipeline's pure middle: the payload's rules, then overrides → translate → split, without a container. */
class PostComposerTest {

    /** Posts of at most {@value} characters, so a short text splits. */
    private static final int POST_SIZE = 100;

    private static final int MAX_POSTS = 5;
    private static final Settings SETTINGS = new Settings(
            true,
            true,
            true,
            POST_SIZE,
            300_000,
            false,
            RateLimitSettings.DEFAULTS,
            Settings.DEFAULT_HOOK_DELIVERY_LOG_SIZE,
            MAX_POSTS,
            Settings.DEFAULT_MAXIMUM_LOGIN_ATTEMPTS,
            Settings.DEFAULT_LOGIN_LOCKOUT_SECONDS);
    private static final HookDefaults HOOK = new HookDefaults("CI", "ci-bot", "");

    private static final JsonArray ONE_ATTACHMENT = Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("text", "details"))
            .build();

    private static WebhookPayload payload(String text, String type, JsonArray attachments) {
        return new WebhookPayload(text, null, null, null, null, attachments, null, null, type, null, null);
    }

    private static List<ComposedPost> compose(WebhookPayload payload) {
        return PostComposer.compose(PostComposer.check(payload), HOOK, SETTINGS, MentionResolver.NONE);
    }

    private static JsonObject props(ComposedPost post) {
        return Json.createReader(new StringReader(post.props())).readObject();
    }

    /** Paragraphs of ten characters each: splits at paragraph breaks, so the parts are predictable. */
    private static String paragraphs(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add("paragraph" + (i % 10));
        }
        return String.join("\n\n", lines);
    }

    @Test
    void aShortTextIsOnePostWithTheHooksProps() {
        List<ComposedPost> posts = compose(payload("hello", null, null));
        assertEquals(1, posts.size());
        assertEquals("hello", posts.get(0).message());
        assertEquals("", posts.get(0).type());
        JsonObject props = props(posts.get(0));
        assertEquals("true", props.getString("from_webhook"));
        assertEquals("CI", props.getString("webhook_display_name"));
        assertEquals("ci-bot", props.getString("override_username"));
    }

    @Test
    void aLongTextIsSplitAndOnlyTheLastPartCarriesTheAttachmentsAndTheirType() {
        List<ComposedPost> posts = compose(payload(paragraphs(20), "custom_ci", ONE_ATTACHMENT));
        assertTrue(posts.size() > 1, "split: " + posts.size());
        ComposedPost last = posts.get(posts.size() - 1);
        for (ComposedPost part : posts.subList(0, posts.size() - 1)) {
            assertEquals("custom_ci", part.type());
            assertFalse(props(part).containsKey("attachments"), part.props());
            assertTrue(part.message().codePointCount(0, part.message().length()) <= POST_SIZE);
        }
        assertEquals(PostComposer.SLACK_ATTACHMENT_TYPE, last.type());
        assertEquals(
                "details",
                props(last).getJsonArray("attachments").getJsonObject(0).getString("text"));
        assertEquals(
                paragraphs(20),
                String.join("\n\n", posts.stream().map(ComposedPost::message).toList()));
    }

    @Test
    void composingIsAFunctionOfItsInputs() {
        WebhookPayload payload = payload(paragraphs(20), null, ONE_ATTACHMENT);
        assertEquals(compose(payload), compose(payload));
    }

    @Test
    void moreThanMaxPostsPerRequestPartsIsRefused() {
        HooklineException e =
                assertThrows(HooklineException.class, () -> compose(payload(paragraphs(MAX_POSTS * 20), null, null)));
        assertEquals(400, e.status());
        assertEquals(PostSplitter.MESSAGE_TOO_LONG, e.id());
    }

    @Test
    void anEditIsOnePostOrRefusedAsTooLong() {
        ComposedPost edited = PostComposer.composeEdit(
                PostComposer.check(payload("short", "custom", ONE_ATTACHMENT)), HOOK, SETTINGS, MentionResolver.NONE);
        assertEquals("short", edited.message());
        assertEquals(PostComposer.SLACK_ATTACHMENT_TYPE, edited.type());
        assertTrue(props(edited).containsKey("attachments"));

        HooklineException e = assertThrows(
                HooklineException.class,
                () -> PostComposer.composeEdit(
                        PostComposer.check(payload(paragraphs(20), null, null)), HOOK, SETTINGS, MentionResolver.NONE));
        assertEquals(PostSplitter.MESSAGE_TOO_LONG, e.id());
    }

    @Test
    void theOverridesAreCheckedBeforeTheSplit() {
        // Both wrong: an icon that is no http(s) URL, and a text past the request's parts. Mattermost's order
        // answers the override first.
        WebhookPayload both = new WebhookPayload(
                paragraphs(MAX_POSTS * 20), null, null, "javascript:x", null, null, null, null, null, null, null);
        HooklineException e = assertThrows(HooklineException.class, () -> compose(both));
        assertEquals("invalid_payload", e.id());
        assertTrue(e.getMessage().contains("icon_url"), e.getMessage());
    }

    @Test
    void theMentionNamesAreAskedForOnceForTheWholeMessage() {
        List<Set<String>> asked = new ArrayList<>();
        MentionResolver resolver = (users, channels) -> {
            asked.add(users);
            return new MentionResolver.Names(Map.of("U1", "alice"), Map.of());
        };
        JsonArray attachments = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("text", "by <@U2>"))
                .build();
        List<ComposedPost> posts = PostComposer.compose(
                PostComposer.check(payload("hi <@U1>", null, attachments)), HOOK, SETTINGS, resolver);
        assertEquals(List.of(Set.of("U1", "U2")), asked);
        assertEquals("hi @alice", posts.get(0).message());
        assertEquals(
                "by @U2",
                props(posts.get(0)).getJsonArray("attachments").getJsonObject(0).getString("text"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "no text, attachments or blocks | '   ' | NULL | NULL | no_text",
                "a system type | hi | system_join | NULL | invalid_payload",
                "a type past the column | hi | LONG_TYPE | NULL | invalid_payload",
                "an unknown priority | hi | NULL | high | invalid_payload",
            })
    void thePayloadsOwnRulesRefuseBeforeAnything(
            String name, String text, String type, String priority, String errorId) {
        String sentType = "LONG_TYPE".equals(type) ? "t".repeat(PostComposer.MAX_TYPE_LENGTH + 1) : type;
        JsonObject sentPriority = priority == null
                ? null
                : Json.createObjectBuilder().add("priority", priority).build();
        WebhookPayload payload =
                new WebhookPayload(text, null, null, null, null, null, null, null, sentType, null, sentPriority);
        HooklineException e = assertThrows(HooklineException.class, () -> PostComposer.check(payload));
        assertEquals(400, e.status());
        assertEquals(errorId, e.id());
    }

    @Test
    void theLongestTypeAndEveryPriorityAreAllowed() {
        String longest = "t".repeat(PostComposer.MAX_TYPE_LENGTH);
        assertEquals(longest, compose(payload("hi", longest, null)).get(0).type());
        for (String priority : List.of("", "important", "urgent")) {
            WebhookPayload payload = new WebhookPayload(
                    "hi",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    Json.createObjectBuilder().add("priority", priority).build());
            assertEquals(
                    priority,
                    props(compose(payload).get(0)).getJsonObject("priority").getString("priority"));
        }
    }
}
