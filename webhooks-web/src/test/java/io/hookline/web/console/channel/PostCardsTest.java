package io.hookline.web.console.channel;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.api.hook.WebhookPayload;
import io.hookline.api.view.PostView;
import io.hookline.api.view.UserView;
import io.hookline.ejb.hook.ComposedPost;
import io.hookline.ejb.hook.HookDefaults;
import io.hookline.ejb.hook.PostComposer;
import io.hookline.ejb.settings.RateLimitSettings;
import io.hookline.ejb.settings.Settings;
import io.hookline.ejb.slack.MentionResolver;
import io.hookline.web.hooks.HookBodyParser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostCardsTest {

    private static final UserView ALICE =
            new UserView("aliceid", 0, 0, 0, "alice", "alice@example.com", "", "", "", "");
    private static final Function<String, UserView> USERS = Map.of("aliceid", ALICE)::get;

    private static PostView post(String userId, String message, JsonObject props) {
        return new PostView("p1", 1_449_934_320_000L, 0, 0, 0, userId, "c1", "", message, "", props);
    }

    private static JsonObject props(String json) {
        return Json.createReader(new java.io.StringReader(json)).readObject();
    }

    private static PostCard card(String propsJson) {
        return PostCards.of(post("aliceid", "hi", props(propsJson)), USERS);
    }

    // ------------------------------------------------------------------------------------- author and BOT tag

    @Test
    void aWebhookPostShowsTheOverrideUsernameAndTheBotTag() {
        PostCard card = card("{\"from_webhook\":\"true\",\"override_username\":\"ci-bot\"}");
        assertEquals("ci-bot", card.authorName());
        assertTrue(card.bot());
        assertEquals("C", card.initials());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"from_webhook\":\"true\"}",
                "{\"from_webhook\":\"true\",\"override_username\":\"\"}",
                "{\"from_webhook\":\"true\",\"override_username\":\"   \"}",
                "{\"from_webhook\":\"true\",\"override_username\":42}"
            })
    void aWebhookPostWithoutAUsableOverrideShowsTheCreator(String props) {
        PostCard card = card(props);
        assertEquals("alice", card.authorName());
        assertTrue(card.bot());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"from_webhook\":true}",
                "{\"from_webhook\":\"false\"}",
                "{\"from_webhook\":\"TRUE\"}",
                "{\"from_webhook\":1}"
            })
    void onlyTheStringTrueMarksAWebhookPostAndOnlyWebhookPostsGetOverrides(String fromWebhook) {
        JsonObject props = Json.createObjectBuilder(props(fromWebhook))
                .add("override_username", "spoofed")
                .add("override_icon_url", "https://example.com/x.png")
                .add("override_icon_emoji", ":ghost:")
                .build();
        PostCard card = PostCards.of(post("aliceid", "hi", props), USERS);
        assertAll(
                () -> assertFalse(card.bot()),
                () -> assertEquals("alice", card.authorName()),
                () -> assertNull(card.iconUrl()),
                () -> assertNull(card.iconEmoji()),
                () -> assertEquals("A", card.initials()));
    }

    @Test
    void anUnknownCreatorIsUnknownAndIsLookedUpOnce() {
        List<String> lookups = new ArrayList<>();
        PostCard card = PostCards.of(post("goneid", "hi", props("{}")), id -> {
            lookups.add(id);
            return null;
        });
        assertEquals(PostCards.UNKNOWN_AUTHOR, card.authorName());
        assertEquals("U", card.initials());
        assertEquals(List.of("goneid"), lookups);
    }

    @Test
    void aPostWithoutCreatorIsUnknownWithoutALookup() {
        PostCard card = PostCards.of(post(null, "hi", null), id -> {
            throw new AssertionError("no lookup without a user id");
        });
        assertEquals(PostCards.UNKNOWN_AUTHOR, card.authorName());
    }

    @Test
    void anOverrideUsernameIsOneLineWithoutBidiControlsAndAtMost64CodePoints() {
        assertEquals(
                "evil bot txt.exe",
                card("{\"from_webhook\":\"true\",\"override_username\":\"evil\\nbot\\u202E txt.exe\"}")
                        .authorName());
        String longName = "😀".repeat(100);
        String shown = card("{\"from_webhook\":\"true\",\"override_username\":\"" + longName + "\"}")
                .authorName();
        assertEquals(PostCards.MAX_AUTHOR_NAME_LENGTH, shown.codePointCount(0, shown.length()));
        assertEquals("?", PostCards.initials(shown), "no letter or digit in the name");
    }

    @Test
    void htmlInTheAuthorNameIsPlainTextForFacesToEscape() {
        String name = "<img src=x onerror=alert(1)>";
        PostCard card = card("{\"from_webhook\":\"true\",\"override_username\":\"" + name + "\"}");
        assertEquals(name, card.authorName(), "shown as written; Faces escapes it");
        assertEquals("I", card.initials());
    }

    // ------------------------------------------------------------------------------------------------- icons

    @Test
    void anOverrideIconUrlWinsOverTheEmoji() {
        PostCard card = card("{\"from_webhook\":\"true\",\"override_icon_url\":\"https://example.com/ci.png\","
                + "\"override_icon_emoji\":\":ghost:\"}");
        assertEquals("https://example.com/ci.png", card.iconUrl());
        assertNull(card.iconEmoji());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "data:image/png;base64,AAAA",
                "//example.com/x.png",
                "/x.png",
                " https://example.com/x.png",
                "JaVaScRiPt:alert(1)"
            })
    void anUnsafeIconUrlFallsBackToTheEmoji(String url) {
        JsonObject props = Json.createObjectBuilder()
                .add("from_webhook", "true")
                .add("override_icon_url", url)
                .add("override_icon_emoji", ":white_check_mark:")
                .build();
        PostCard card = PostCards.of(post("aliceid", "hi", props), USERS);
        assertNull(card.iconUrl());
        assertEquals("✅", card.iconEmoji());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghost", ":ghost:", " :Ghost: "})
    void theEmojiIsLookedUpByItsShortcode(String name) {
        JsonObject props = Json.createObjectBuilder()
                .add("from_webhook", "true")
                .add("override_icon_emoji", name)
                .build();
        assertEquals("👻", PostCards.of(post("aliceid", "hi", props), USERS).iconEmoji());
    }

    @Test
    void theEmojiAvatarIsTheBundledImageWhenThereIsOne() {
        assertEquals("/emoji/twemoji-16.0.1/1f6a8.svg", withIconEmoji("🚨").iconEmojiUrl());
        assertEquals("/emoji/twemoji-16.0.1/26a0.svg", withIconEmoji("⚠️").iconEmojiUrl());
        assertNull(withIconEmoji("🫯").iconEmojiUrl(), "Emoji 17.0: no image yet, shown as text");
        assertNull(withIconEmoji(null).iconEmojiUrl());
    }

    private static PostCard withIconEmoji(String iconEmoji) {
        return new PostCard("p", 0, "a", null, iconEmoji, "A", true, "", List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {":no_such_emoji_here:", ":<img src=x onerror=alert(1)>:", "::", "", ":gh ost:"})
    void anUnknownOrMalformedEmojiGivesInitials(String name) {
        JsonObject props = Json.createObjectBuilder()
                .add("from_webhook", "true")
                .add("override_icon_emoji", name)
                .build();
        PostCard card = PostCards.of(post("aliceid", "hi", props), USERS);
        assertNull(card.iconEmoji());
        assertNull(card.iconUrl());
        assertEquals("A", card.initials());
    }

    // ------------------------------------------------------------------------------------- message and props

    @Test
    void theMessageIsRenderedMarkdownWithRawHtmlEscaped() {
        PostCard card = PostCards.of(post("aliceid", "**hi** <script>alert(1)</script>", null), USERS);
        assertTrue(card.messageHtml().contains("<strong>hi</strong>"), card.messageHtml());
        assertTrue(card.messageHtml().contains("&lt;script&gt;"), card.messageHtml());
        assertEquals(List.of(), card.attachments());
    }

    @Test
    void aNullMessageAndNullPropsGiveAnEmptyCard() {
        PostCard card = PostCards.of(post("aliceid", null, null), USERS);
        assertEquals("", card.messageHtml());
        assertFalse(card.bot());
        assertEquals(List.of(), card.attachments());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"from_webhook\":[\"true\"],\"override_username\":{},\"override_icon_url\":7,\"override_icon_emoji\":false}",
                "{\"attachments\":\"not an array\"}",
                "{\"attachments\":{\"text\":\"an object\"}}",
                "{\"attachments\":[1,null,\"x\",[],true]}",
                "{\"attachments\":[{\"fields\":\"x\",\"color\":5,\"title_link\":[],\"ts\":{},\"text\":{\"a\":1}}]}",
                "{\"attachments\":[{\"fields\":[1,null,\"f\",{\"title\":[],\"value\":{},\"short\":\"yes\"}]}]}",
                "{\"attachments\":[{\"ts\":1e999999999},{\"ts\":-5},{\"ts\":\"1e9\"},{\"ts\":true},{\"ts\":null}]}"
            })
    void propsOfTheWrongTypeCountAsAbsent(String props) {
        PostCard card = card(props);
        for (AttachmentCard a : card.attachments()) {
            assertAll(
                    () -> assertEquals(AttachmentColors.DEFAULT, a.color()),
                    () -> assertNull(a.titleLink()),
                    () -> assertNull(a.ts()),
                    () -> assertEquals("", a.textHtml()),
                    () -> assertEquals(List.of(), a.fields()));
        }
        assertEquals("hi", Jsoup.parse(card.messageHtml()).text());
    }

    @Test
    void attachmentsThatAreNotObjectsAreSkipped() {
        assertEquals(
                1,
                card("{\"attachments\":[1,null,{\"text\":\"real\"},\"x\"]}")
                        .attachments()
                        .size());
    }

    // ----------------------------------------------------------------------------------------------- the spec

    /** The spec's 4000-character posts. */
    private static final Settings SPEC_SETTINGS = new Settings(
            true,
            true,
            true,
            4000,
            300_000,
            false,
            RateLimitSettings.DEFAULTS,
            Settings.DEFAULT_HOOK_DELIVERY_LOG_SIZE);

    /** The spec's build-break example, as its curl sends it (raw line breaks inside the JSON string). */
    static final String BUILD_BREAK = """
            payload={"text": "
            ---
            ##### Build Break - Project X - December 12, 2015 - 15:32 GMT +0
            | Component  | Tests Run   | Tests Failed                                   |
            |:-----------|:------------|:-----------------------------------------------|
            | Server     | 948         | :white_check_mark: 0                           |
            | Web Client | 123         | :warning: [2 (see details)](http://linktologs) |
            | iOS Client | 78          | :warning: [3 (see details)](http://linktologs) |
            ---
            "}""";

    @Test
    void theSpecsBuildBreakMessageIsAHeadingAndATableWithEmojiAndLinks() {
        WebhookPayload payload =
                HookBodyParser.parse("application/x-www-form-urlencoded", BUILD_BREAK.getBytes(StandardCharsets.UTF_8));
        List<ComposedPost> stored = PostComposer.compose(
                PostComposer.check(payload),
                new HookDefaults("browser test", null, null),
                SPEC_SETTINGS,
                MentionResolver.NONE);
        assertEquals(1, stored.size());
        ComposedPost post = stored.get(0);
        PostCard card = PostCards.of(
                new PostView(
                        "p1",
                        1_449_934_320_000L,
                        0,
                        0,
                        0,
                        "hookcreatorid",
                        "c1",
                        "",
                        post.message(),
                        post.type(),
                        props(post.props())),
                id -> null);
        assertTrue(card.bot());
        assertEquals(PostCards.UNKNOWN_AUTHOR, card.authorName());

        Element body = Jsoup.parseBodyFragment(card.messageHtml()).body();
        assertEquals(
                "Build Break - Project X - December 12, 2015 - 15:32 GMT +0",
                body.selectFirst("h5").text());
        List<Element> rows = body.select("table tr");
        assertEquals(4, rows.size(), "a header row and three component rows");
        assertEquals(List.of("Component", "Tests Run", "Tests Failed"), cells(rows.get(0), "th"));
        assertEquals(List.of("Server", "948", "✅ 0"), cells(rows.get(1), "td"));
        assertEquals(List.of("Web Client", "123", "⚠️ 2 (see details)"), cells(rows.get(2), "td"));
        assertEquals(List.of("iOS Client", "78", "⚠️ 3 (see details)"), cells(rows.get(3), "td"));
        assertEquals(
                List.of(
                        "/emoji/twemoji-16.0.1/2705.svg",
                        "/emoji/twemoji-16.0.1/26a0.svg",
                        "/emoji/twemoji-16.0.1/26a0.svg"),
                body.select("table img.emoji").stream()
                        .map(img -> img.attr("src"))
                        .toList(),
                "the emoji are images");
        List<Element> links = body.select("table a");
        assertEquals(
                List.of("http://linktologs", "http://linktologs"),
                links.stream().map(a -> a.attr("href")).toList());
        assertEquals(2, body.select("hr").size(), "the two --- rules");
    }

    /** Each cell's text as copied: an emoji image counts as its alt text. */
    private static List<String> cells(Element row, String tag) {
        return row.select(tag).stream()
                .map(Element::clone)
                .peek(cell -> cell.select("img.emoji").forEach(img -> img.replaceWith(new TextNode(img.attr("alt")))))
                .map(Element::text)
                .map(String::trim)
                .collect(Collectors.toList());
    }

    // ------------------------------------------------------------------------------------------ time, session

    @Test
    void theTimeIsIsoInUtcAndAShortLabel() {
        PostCard card = card("{}");
        assertEquals("2015-12-12T15:32:00Z", card.isoTime());
        assertEquals("15:32", card.timeLabel());
    }

    @Test
    void cardsSurviveSerializationBecauseTheChannelPageIsViewScoped() throws Exception {
        PostCard card = card("{\"from_webhook\":\"true\",\"attachments\":[{\"text\":\"t\",\"fields\":"
                + "[{\"title\":\"a\",\"value\":\"b\",\"short\":true}],\"ts\":1449934320}]}");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(card);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(card, in.readObject());
        }
    }
}
