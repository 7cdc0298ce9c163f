package io.hookline.web.console.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import io.hookline.api.view.PostView;
import io.hookline.api.view.UserView;
import io.hookline.ejb.hook.ComposedPost;
import io.hookline.ejb.hook.HookDefaults;
import io.hookline.ejb.hook.PostComposer;
import io.hookline.ejb.settings.RateLimitSettings;
import io.hookline.ejb.settings.Settings;
import io.hookline.ejb.slack.MentionResolver;
import io.hookline.web.emoji.EmojiImages;
import io.hookline.web.hooks.HookBodyParser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The XSS corpus of the channel view ({@code src/test/resources/xss/corpus.json}, a copy of the browser test's
 * {@code webhooks-ear/src/test/resources/xss/corpus.json}: see the README beside it), checked without a browser: every payload must be accepted by the write path (else the browser test would not
 * show it), and everything the channel view would put into the page must be inert: HTML only with the
 * tags and attributes the markdown renderer emits, no event handlers, no {@code style}, links only
 * http(s)/mailto, images and icons only http(s), colours only hex.
 */
class XssCorpusRenderTest {

    static final String CORPUS = "/xss/corpus.json";

    /** The corpus' size when it last grew: fewer means payloads were lost. Raise it when adding payloads. */
    static final int MIN_PAYLOADS = 130;

    /** What the markdown renderer emits (see MarkdownRenderer's class comment); anything else is unsafe here. */
    private static final Set<String> RENDERED_TAGS = Set.of(
            "p",
            "br",
            "hr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "em",
            "strong",
            "del",
            "code",
            "pre",
            "blockquote",
            "ul",
            "ol",
            "li",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "a",
            "img",
            "input",
            "span");

    private static final Set<String> RENDERED_ATTRIBUTES = Set.of(
            "href",
            "title",
            "rel",
            "target",
            "src",
            "alt",
            "referrerpolicy",
            "class",
            "align",
            "start",
            "type",
            "disabled",
            "checked");
    /** The attributes of an emoji image, and only those. */
    private static final Set<String> EMOJI_ATTRIBUTES = Set.of("class", "src", "alt", "width", "height");

    /** Named again so a failure says what the brief forbids, even if the allow-lists above grow. */
    private static final Set<String> FORBIDDEN_TAGS = Set.of("script", "iframe", "svg", "object", "embed", "style");

    private static final Pattern LINK_SCHEME = Pattern.compile("(?i)(https?|mailto):.*");
    private static final Pattern HTTP_SCHEME = Pattern.compile("(?i)https?://.*");
    private static final Pattern HEX_COLOR = Pattern.compile("#(?:[0-9a-f]{3}|[0-9a-f]{6})");
    private static final Pattern HIDDEN = Pattern.compile("[\\s\\p{Cntrl}\\u200B\\u2028\\u2029]");

    /** What the browser test configures: overrides allowed, the spec's 4000-character posts. */
    private static final Settings SETTINGS = new Settings(
            true,
            true,
            true,
            4000,
            300_000,
            false,
            RateLimitSettings.DEFAULTS,
            Settings.DEFAULT_HOOK_DELIVERY_LOG_SIZE);
    /** The browser test's hook: a display name, no default username or icon. */
    private static final HookDefaults HOOK = new HookDefaults("browser test", null, null);

    /** The hook's creator; a hostile username of a person must be just as harmless. */
    private static final UserView CREATOR =
            new UserView("hookcreatorid", 0, 0, 0, "creator<img src=x onerror=window.__xss()>", "", "", "", "", "");

    private static final Function<String, UserView> USERS = id -> id.equals(CREATOR.id()) ? CREATOR : null;

    private static List<JsonObject> corpus;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = XssCorpusRenderTest.class.getResourceAsStream(CORPUS)) {
            if (in == null) {
                throw new IOException("missing test resource " + CORPUS);
            }
            try (JsonReader json = Json.createReader(in)) {
                corpus = json.readArray().getValuesAs(JsonObject.class);
            }
        }
    }

    @Test
    void theCorpusIsLargeNamedAndEveryPayloadCallsTheSentinel() {
        assertTrue(corpus.size() >= MIN_PAYLOADS, "at least " + MIN_PAYLOADS + " payloads, found " + corpus.size());
        Set<String> names = new HashSet<>();
        for (JsonObject entry : corpus) {
            String name = entry.getString("name");
            assertTrue(names.add(name), "duplicate name " + name);
            String payload = entry.getJsonObject("payload").toString();
            // A data: URL carries its script base64-encoded; every other payload names the sentinel itself.
            assertTrue(
                    payload.contains("window.__xss()") || payload.contains("base64,"),
                    name
                            + ": a payload whose script would not call window.__xss() cannot be counted by the browser test");
        }
    }

    @Test
    void everyPayloadIsAcceptedAndRendersToInertHtml() {
        List<String> unsafe = new ArrayList<>();
        int posts = 0;
        for (JsonObject entry : corpus) {
            String name = entry.getString("name");
            List<PostView> stored;
            try {
                stored = stored(entry.getJsonObject("payload"));
            } catch (HooklineException refused) {
                unsafe.add(name + ": refused by the write path (" + refused.status() + " " + refused.getMessage()
                        + "); the browser test needs every payload accepted");
                continue;
            }
            for (PostView post : stored) {
                posts++;
                List<String> problems = new ArrayList<>();
                check(PostCards.of(post, USERS), problems);
                problems.forEach(problem -> unsafe.add(name + ": " + problem));
            }
        }
        System.out.println(
                "XSS corpus: " + corpus.size() + " payloads, " + unsafe.size() + " unsafe (" + posts + " posts)");
        assertEquals(List.of(), unsafe);
    }

    /**
     * The posts a JSON payload becomes on the write path (the hook path's own parser and composer), as the channel
     * view reads them back; a refused payload throws the write path's own {@code HooklineException}.
     */
    private static List<PostView> stored(JsonObject body) {
        WebhookPayload payload =
                HookBodyParser.parse("application/json", body.toString().getBytes(StandardCharsets.UTF_8));
        List<ComposedPost> composed =
                PostComposer.compose(PostComposer.check(payload), HOOK, SETTINGS, MentionResolver.NONE);
        List<PostView> posts = new ArrayList<>(composed.size());
        long now = 1_449_934_320_000L;
        for (int i = 0; i < composed.size(); i++) {
            ComposedPost post = composed.get(i);
            JsonObject props = Json.createReader(new StringReader(post.props())).readObject();
            posts.add(new PostView(
                    "post" + i,
                    now + i,
                    now + i,
                    0,
                    0,
                    CREATOR.id(),
                    "channelid",
                    "",
                    post.message(),
                    post.type(),
                    props));
        }
        return posts;
    }

    /** The checks themselves must catch what they look for, or a green run proves nothing. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>window.__xss()</script>",
                "<img src=x onerror=window.__xss()>",
                "<p onclick=\"window.__xss()\">x</p>",
                "<a href=\"javascript:window.__xss()\">x</a>",
                "<a href=\" javascript:window.__xss()\">x</a>",
                "<a href=\"java&#9;script:window.__xss()\">x</a>",
                "<a href=\"JaVaScRiPt:window.__xss()\">x</a>",
                "<a href=\"/relative\">x</a>",
                "<a href=\"//host/x\">x</a>",
                "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">",
                "<img src=\"mailto:a@b.c\">",
                "<p style=\"color:red\">x</p>",
                "<svg><a>x</a></svg>",
                "<iframe src=\"https://example.com\"></iframe>",
                "<object></object>",
                "<embed>",
                "<style>p{}</style>",
                "<form action=\"https://example.com\"></form>",
                "<math></math>",
                "<a href=\"https://example.com\" xlink:href=\"javascript:x\">x</a>",
                "<img class=\"emoji\" src=\"/emoji/twemoji-16.0.1/../x.svg\" alt=\"x\" width=\"20\" height=\"20\">",
                "<img class=\"emoji\" src=\"/emoji/twemoji-16.0.1/2705.svg\" alt=\"x\" width=\"20\" height=\"20\""
                        + " onerror=\"window.__xss()\">",
                "<img class=\"emoji\" src=\"https://evil.example/2705.svg\" alt=\"x\" width=\"20\" height=\"20\">",
                "<img src=\"/emoji/twemoji-16.0.1/2705.svg\" alt=\"x\">"
            })
    void theCheckerFindsWhatItLooksFor(String html) {
        List<String> problems = new ArrayList<>();
        checkHtml("probe", html, problems);
        assertFalse(problems.isEmpty(), "not caught: " + html);
    }

    @Test
    void theCheckerLetsTheRenderersOwnOutputThrough() {
        List<String> problems = new ArrayList<>();
        checkHtml(
                "probe",
                "<p><a href=\"https://example.com/a%20b\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">x</a>"
                        + " <img src=\"http://example.com/x.png\" alt=\"x\" referrerpolicy=\"no-referrer\" />"
                        + " <a href=\"mailto:a@example.com\">m</a> <span class=\"mention\">@a</span>"
                        + " <img class=\"emoji\" src=\"/emoji/twemoji-16.0.1/2705.svg\" alt=\"✅\" width=\"20\""
                        + " height=\"20\" /></p>",
                problems);
        assertEquals(List.of(), problems);
    }

    private static void check(PostCard card, List<String> problems) {
        checkHtml("message", card.messageHtml(), problems);
        checkHttpUrl("icon", card.iconUrl(), problems);
        checkPlain("author", card.authorName(), problems);
        checkPlain("emoji", card.iconEmoji(), problems);
        checkPlain("initials", card.initials(), problems);
        for (AttachmentCard a : card.attachments()) {
            if (!HEX_COLOR.matcher(a.color()).matches()) {
                problems.add("colour " + a.color());
            }
            checkHtml("pretext", a.pretextHtml(), problems);
            checkPlain("attachment author", a.authorName(), problems);
            checkHttpUrl("author_link", a.authorLink(), problems);
            checkHttpUrl("author_icon", a.authorIcon(), problems);
            checkHtml("title", a.titleHtml(), problems);
            checkHttpUrl("title_link", a.titleLink(), problems);
            checkHtml("text", a.textHtml(), problems);
            for (AttachmentField field : a.fields()) {
                checkHtml("field title", field.titleHtml(), problems);
                checkHtml("field value", field.valueHtml(), problems);
            }
            checkHttpUrl("image_url", a.imageUrl(), problems);
            checkHttpUrl("thumb_url", a.thumbUrl(), problems);
            checkHtml("footer", a.footerHtml(), problems);
            checkHttpUrl("footer_icon", a.footerIcon(), problems);
        }
    }

    /** HTML as a browser would parse it (jsoup follows the HTML5 parsing rules, mutations included). */
    private static void checkHtml(String where, String html, List<String> problems) {
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            String tag = element.normalName();
            if (tag.equals("body")) {
                continue;
            }
            if (FORBIDDEN_TAGS.contains(tag) || !RENDERED_TAGS.contains(tag)) {
                problems.add(where + ": <" + tag + "> in " + html);
            }
            if (isEmojiImage(element)) {
                continue;
            }
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue();
                if (key.startsWith("on") || key.equals("style") || !RENDERED_ATTRIBUTES.contains(key)) {
                    problems.add(where + ": attribute " + key + " in " + html);
                } else if (key.equals("href") && !isUrl(value, LINK_SCHEME)) {
                    problems.add(where + ": href " + value);
                } else if (key.equals("src") && !isUrl(value, HTTP_SCHEME)) {
                    problems.add(where + ": src " + value);
                }
            }
        }
    }

    /**
     * The renderer's own emoji image ({@link EmojiImages}): exactly {@code class="emoji"}, a {@code src} that is
     * one of the bundled images on this host, an {@code alt}, {@code width} and {@code height}; nothing else.
     */
    private static boolean isEmojiImage(Element element) {
        if (!element.normalName().equals("img") || !element.attr("class").equals(EmojiImages.CSS_CLASS)) {
            return false;
        }
        Set<String> keys = new HashSet<>();
        element.attributes().forEach(a -> keys.add(a.getKey().toLowerCase(Locale.ROOT)));
        String src = element.attr("src");
        String size = Integer.toString(EmojiImages.SIZE);
        return keys.equals(EMOJI_ATTRIBUTES)
                && src.startsWith(EmojiImages.URL_PREFIX)
                && EmojiImages.isBundled(src.substring(EmojiImages.URL_PREFIX.length()))
                && element.attr("width").equals(size)
                && element.attr("height").equals(size);
    }

    /** A URL the page puts into an href or src of its own: http(s) only, as {@link io.hookline.ejb.common.SafeUrls#shownHttpUrl} promises. */
    private static void checkHttpUrl(String where, String url, List<String> problems) {
        if (url != null && !isUrl(url, HTTP_SCHEME)) {
            problems.add(where + " " + url);
        }
    }

    /** Browsers drop whitespace and control characters around and inside a URL's scheme: none may be there. */
    private static boolean isUrl(String url, Pattern scheme) {
        return scheme.matcher(url).matches() && !HIDDEN.matcher(url).find();
    }

    /** Plain strings are escaped by Faces; control characters still do not belong in a page. */
    private static void checkPlain(String where, String text, List<String> problems) {
        if (text != null && text.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(where + ": control character in " + text);
        }
    }
}
