package io.hookline.web.console.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.api.view.PostView;
import io.hookline.ejb.hook.ComposedPost;
import io.hookline.ejb.hook.HookDefaults;
import io.hookline.ejb.hook.PostComposer;
import io.hookline.ejb.settings.RateLimitSettings;
import io.hookline.ejb.settings.Settings;
import io.hookline.ejb.slack.MentionResolver;
import io.hookline.web.hooks.HookBodyParser;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttachmentCardsTest {

    /** The spec's 4000-character posts. */
    private static final Settings SETTINGS = new Settings(
            true,
            true,
            true,
            4000,
            300_000,
            false,
            RateLimitSettings.DEFAULTS,
            Settings.DEFAULT_HOOK_DELIVERY_LOG_SIZE);

    private static AttachmentCard one(String attachmentJson) {
        List<AttachmentCard> cards = AttachmentCards.of(
                Json.createReader(new StringReader("[" + attachmentJson + "]")).readArray());
        assertEquals(1, cards.size());
        return cards.get(0);
    }

    // ----------------------------------------------------------------------------------------------- colours

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "good|#2eb886",
                "GOOD|#2eb886",
                "warning|#daa038",
                "danger|#a30200",
                " danger |#a30200",
                "#abc|#abc",
                "#AABBCC|#aabbcc",
                "#36a64f|#36a64f",
                " #36a64f |#36a64f",
                "red|#dddddd",
                "red;background:url(javascript:alert(1))|#dddddd",
                "#fff;background:red|#dddddd",
                "#abcd|#dddddd",
                "#12345g|#dddddd",
                "36a64f|#dddddd",
                "rgb(1,2,3)|#dddddd",
                "expression(alert(1))|#dddddd",
                "#fff\" onmouseover=\"alert(1)|#dddddd",
                "''|#dddddd",
                "NULL|#dddddd"
            })
    void theColourIsAlwaysAHexColour(String raw, String css) {
        assertEquals(css, AttachmentColors.css(raw));
    }

    @Test
    void aColourOfAnotherJsonTypeIsTheDefault() {
        assertEquals(AttachmentColors.DEFAULT, one("{\"color\":123456}").color());
        assertEquals(AttachmentColors.GOOD, one("{\"color\":\"good\"}").color());
    }

    // ---------------------------------------------------------------------------------------------- fields

    /** S = short, L = long (not short); rows separated by '|'. */
    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "S;S",
                "SS;SS",
                "SSS;SS|S",
                "SSSS;SS|SS",
                "L;L",
                "LL;L|L",
                "SL;S|L",
                "LS;L|S",
                "SLSSS;S|L|SS|S",
                "LSSL;L|SS|L",
                "SSLSS;SS|L|SS"
            })
    void shortFieldsPairUpAndLongOnesTakeARow(String fields, String rows) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (char c : fields.toCharArray()) {
            array.add(Json.createObjectBuilder()
                    .add("title", "t")
                    .add("value", "v")
                    .add("short", c == 'S'));
        }
        AttachmentCard card =
                one(Json.createObjectBuilder().add("fields", array).build().toString());
        String layout = card.fieldRows().stream()
                .map(row -> row.stream().map(f -> f.isShort() ? "S" : "L").collect(Collectors.joining()))
                .collect(Collectors.joining("|"));
        assertEquals(rows, layout);
    }

    @Test
    void fieldsRenderTitleInlineAndValueAsMarkdown() {
        AttachmentCard card =
                one("{\"fields\":[{\"title\":\"**Build** :tada:\",\"value\":\"- a\\n- b\",\"short\":true},"
                        + "{\"title\":\"\",\"value\":null,\"short\":true},{\"title\":\"only title\",\"value\":null}]}");
        assertEquals(2, card.fields().size(), "a field with neither title nor value is skipped");
        AttachmentField first = card.fields().get(0);
        assertEquals(
                "<strong>Build</strong> <img class=\"emoji\" src=\"/emoji/twemoji-16.0.1/1f389.svg\" alt=\"🎉\""
                        + " width=\"20\" height=\"20\" />",
                first.titleHtml());
        assertEquals(
                2, Jsoup.parseBodyFragment(first.valueHtml()).select("ul li").size());
        assertTrue(first.isShort());
        assertEquals("", card.fields().get(1).valueHtml());
    }

    @Test
    void onlyTheJsonTrueMakesAFieldShort() {
        AttachmentCard card = one("{\"fields\":[{\"title\":\"a\",\"short\":\"true\"},{\"title\":\"b\",\"short\":1},"
                + "{\"title\":\"c\",\"short\":true}]}");
        assertEquals(
                List.of(false, false, true),
                card.fields().stream().map(AttachmentField::isShort).toList());
    }

    @Test
    void fieldsAndAttachmentsAreCapped() {
        JsonArrayBuilder fields = Json.createArrayBuilder();
        for (int i = 0; i < AttachmentCards.MAX_FIELDS_PER_ATTACHMENT + 5; i++) {
            fields.add(Json.createObjectBuilder().add("title", "f" + i));
        }
        assertEquals(
                AttachmentCards.MAX_FIELDS_PER_ATTACHMENT,
                one(Json.createObjectBuilder().add("fields", fields).build().toString())
                        .fields()
                        .size());
        JsonArrayBuilder attachments = Json.createArrayBuilder();
        for (int i = 0; i < AttachmentCards.MAX_ATTACHMENTS + 5; i++) {
            attachments.add(Json.createObjectBuilder().add("text", "a" + i));
        }
        assertEquals(
                AttachmentCards.MAX_ATTACHMENTS,
                AttachmentCards.of(attachments.build()).size());
    }

    // ------------------------------------------------------------------------------------------ links, images

    @Test
    void urlsAreKeptOnlyWhenAbsoluteHttp() {
        AttachmentCard card = one("{\"author_name\":\"a\",\"author_link\":\"https://example.com/a\","
                + "\"author_icon\":\"javascript:alert(1)\",\"title\":\"t\",\"title_link\":\" https://example.com\","
                + "\"image_url\":\"http://example.com/i.png\",\"thumb_url\":\"data:image/png;base64,AAAA\","
                + "\"footer\":\"f\",\"footer_icon\":\"//example.com/f.png\"}");
        assertEquals("https://example.com/a", card.authorLink());
        assertNull(card.authorIcon());
        assertNull(card.titleLink());
        assertEquals("http://example.com/i.png", card.imageUrl());
        assertNull(card.thumbUrl());
        assertNull(card.footerIcon());
    }

    @Test
    void aLinkedTitleLosesItsOwnLinksSoLinksNeverNest() {
        AttachmentCard linked =
                one("{\"title\":\"see [logs](http://logs.example) *now*\",\"title_link\":\"https://ci.example/1\"}");
        assertEquals("see logs <em>now</em>", linked.titleHtml());
        AttachmentCard unlinked = one("{\"title\":\"see [logs](http://logs.example)\"}");
        Element a = Jsoup.parseBodyFragment(unlinked.titleHtml()).selectFirst("a");
        assertEquals("http://logs.example", a.attr("href"));
    }

    // ------------------------------------------------------------------------------------------ text fields

    @Test
    void textAndPretextAreMarkdownWithHtmlEscaped() {
        AttachmentCard card = one("{\"pretext\":\"<b>pre</b>\",\"text\":\"# head\\n<script>alert(1)</script>\"}");
        assertEquals("<p>&lt;b&gt;pre&lt;/b&gt;</p>\n", card.pretextHtml());
        Element text = Jsoup.parseBodyFragment(card.textHtml()).body();
        assertEquals("head", text.selectFirst("h1").text());
        assertTrue(text.select("script").isEmpty());
        assertTrue(text.text().contains("<script>alert(1)</script>"));
    }

    @Test
    void theAuthorNameIsTheTextOfItsMarkdown() {
        assertEquals(
                "CI 🎉 & <friends>",
                one("{\"author_name\":\"[CI](http://ci.example) :tada: &amp; &lt;friends>\"}")
                        .authorName());
        assertEquals("", one("{\"author_name\":\"\"}").authorName());
        assertEquals(
                "<img src=x onerror=alert(1)>",
                one("{\"author_name\":\"<img src=x onerror=alert(1)>\"}").authorName());
    }

    @Test
    void aLongFooterIsCutWithAnEllipsis() {
        String footer = "x".repeat(AttachmentCards.MAX_FOOTER_LENGTH + 50);
        String html = one(Json.createObjectBuilder()
                        .add("footer", footer)
                        .build()
                        .toString())
                .footerHtml();
        assertEquals("x".repeat(AttachmentCards.MAX_FOOTER_LENGTH) + "…", html);
        assertEquals("<em>ok</em>", one("{\"footer\":\"_ok_\"}").footerHtml());
    }

    // --------------------------------------------------------------------------------------------------- ts

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "1449934320|1449934320000",
                "1449934320.5|1449934320500",
                "\"1503435956.000247\"|1503435956000",
                "\" 1449934320 \"|1449934320000",
                "0|0",
                "253402300799|253402300799000",
                "253402300800|NULL",
                "-1|NULL",
                "1e999999999|NULL",
                "1e-999999999|0",
                "\"1e9\"|NULL",
                "\"abc\"|NULL",
                "\"\"|NULL",
                "true|NULL",
                "null|NULL",
                "{}|NULL",
                "[1]|NULL"
            })
    void tsIsEpochSecondsAsNumberOrString(String json, Long millis) {
        JsonValue ts = Json.createReader(new StringReader("[" + json + "]"))
                .readArray()
                .get(0);
        assertEquals(millis, AttachmentCards.epochMillis(ts));
    }

    @Test
    void anAttachmentWithNothingIsAGreyBarWithNothingElse() {
        AttachmentCard card = one("{}");
        assertEquals(
                new AttachmentCard(
                        AttachmentColors.DEFAULT,
                        "",
                        "",
                        null,
                        null,
                        "",
                        null,
                        "",
                        List.of(),
                        null,
                        null,
                        "",
                        null,
                        null),
                card);
        assertEquals(List.of(), card.fieldRows());
    }

    @Test
    void theStoredShapeOfTheWritePathIsRead() {
        JsonObject payload = Json.createReader(new StringReader("{\"attachments\":[{\"color\":\"danger\",\"title\":"
                        + "\"<http://ci.example/1|Build #1>\",\"fields\":[{\"title\":\"A\",\"value\":1,\"short\":\"true\"}],"
                        + "\"ts\":\"1449934320\",\"image_url\":\" http://example.com/a b.png \"}]}"))
                .readObject();
        ComposedPost stored = PostComposer.compose(
                        PostComposer.check(HookBodyParser.parse(
                                "application/json", payload.toString().getBytes(StandardCharsets.UTF_8))),
                        new HookDefaults("", null, null),
                        SETTINGS,
                        MentionResolver.NONE)
                .get(0);
        PostView post = new PostView(
                "p1",
                1_449_934_320_000L,
                0,
                0,
                0,
                "hookcreatorid",
                "c1",
                "",
                stored.message(),
                stored.type(),
                Json.createReader(new StringReader(stored.props())).readObject());
        AttachmentCard card = PostCards.of(post, id -> null).attachments().get(0);
        assertEquals(AttachmentColors.DANGER, card.color());
        assertEquals("Build #1", Jsoup.parseBodyFragment(card.titleHtml()).text());
        assertEquals("<p>1</p>\n", card.fields().get(0).valueHtml());
        assertTrue(card.fields().get(0).isShort(), "the write path stores \"true\" as true");
        assertEquals(1_449_934_320_000L, card.ts());
        assertEquals("http://example.com/a%20b.png", card.imageUrl());
    }
}
