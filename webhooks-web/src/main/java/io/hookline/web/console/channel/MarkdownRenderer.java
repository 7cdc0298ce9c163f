package io.hookline.web.console.channel;

import io.hookline.ejb.common.SafeUrls;
import io.hookline.ejb.post.PostMarkdown;
import io.hookline.web.emoji.EmojiImages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fellbaum.jemoji.Emoji;
import net.fellbaum.jemoji.EmojiManager;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * The one markdown renderer Hookline uses to show posts: markdown in, an HTML fragment out, safe to put
 * into a page as it is.
 *
 * <h2>What it renders</h2>
 * CommonMark (commonmark-java) plus the GitHub extensions for tables, strikethrough ({@code ~~x~~}),
 * autolinks ({@code https://…}, {@code www.…}, e-mail addresses) and task lists ({@code - [x] done}):
 * headings, block quotes, lists, fenced code ({@code <code class="language-java">}; an info string that is
 * not a plain language name, letters, digits and {@code _ + # . -}, gives no class), inline images. As in
 * Mattermost, a single line break inside a paragraph is shown as a line break ({@code <br />}). On top:
 * <ul>
 * <li>Emoji shortcodes ({@code :white_check_mark:}, {@code :warning:}, {@code :+1:}) become the Unicode
 * emoji, looked up in the JEmoji data (Slack, GitHub and Discord aliases). Unknown shortcodes stay as they
 * are, and so does one right after a letter or digit ({@code a:b:c}); shortcodes in code spans and code
 * blocks, and in link URLs, are not touched.</li>
 * <li>Emoji, written as Unicode or as a shortcode, become small images from the emoji set bundled in the WAR
 * ({@link EmojiImages}): {@code <img class="emoji" src="/emoji/twemoji-16.0.1/2705.svg" alt="✅" width="20"
 * height="20" />}, the {@code alt} being the emoji as written, so that copying the text keeps it. Not in code
 * spans or code blocks, not in image alt text (an attribute holds no image), and an emoji the set has no image
 * for, or written in its text presentation ({@code ©}, a bare {@code ⚠}), stays text. Link text is text: an
 * emoji there is an image inside the link.</li>
 * <li>{@code @username} becomes {@code <span class="mention">@username</span>}; {@code @channel},
 * {@code @here} and {@code @all} get {@code class="mention mention-special"}; {@code ~channel-name}
 * becomes {@code <span class="channel-mention">~channel-name</span>}. Not in code, links or image alt
 * text, and not in the middle of a word or an e-mail address ({@code a@b.c}) or after a slash
 * ({@code npm/@scope}). A username starts with a letter or digit and may contain letters, digits,
 * {@code . _ -} but does not end with a dot ({@code @alice.} is {@code @alice} and a full stop). A channel
 * name is lower case letters, digits, {@code _ -}, starting and ending with a letter or digit. Whether
 * the user or channel exists is not checked here.</li>
 * </ul>
 *
 * <h2>Safe by construction</h2>
 * <ul>
 * <li>Raw HTML, block and inline, is escaped and shown as text; it never reaches the page as markup.</li>
 * <li>Only absolute URLs with an allowed scheme are kept: {@link SafeUrls#LINK_SCHEMES} for links,
 * {@link SafeUrls#IMAGE_SCHEMES} for images ({@link SafeUrls} owns the rule). The scheme is read from the URL
 * as the parser decoded it (backslash escapes and entities such as {@code &#106;} resolved), must start at the
 * first character and be followed directly by {@code :}, so {@code javascript:}, {@code JaVaScRiPt:}, {@code data:},
 * {@code vbscript:}, {@code &#106;avascript:}, {@code java\tscript:}, {@code %6Aavascript:}, a URL with a
 * leading space or control character, relative and protocol-relative URLs ({@code /x}, {@code //host})
 * are all refused. A link with a refused URL is shown as its text, without {@code <a>}; an image with a
 * refused URL is shown as its alt text. As a second line of defence commonmark-java's URL sanitizing is
 * on with the same allow-list ({@link #DISALLOWED_URL} replaces anything that got through) and URLs are
 * percent-encoded.</li>
 * <li>Links get {@code rel="noopener noreferrer nofollow"} and {@code target="_blank"}: posts come from
 * integrations, not from people the reader trusts, so a link opens outside the chat, cannot script the
 * chat window ({@code noopener}), does not tell the target which channel it was posted in
 * ({@code noreferrer}) and earns no search ranking ({@code nofollow}). Images get
 * {@code referrerpolicy="no-referrer"} for the same reason.</li>
 * </ul>
 *
 * <h2>Bounded work</h2>
 * Input that could make rendering slow or deep is shown as escaped plain text instead:
 * {@code <p>} with the lines separated by {@code <br />}. That happens when
 * <ul>
 * <li>the input is longer than {@link #MAX_INPUT_LENGTH};</li>
 * <li>the parsed document nests deeper than {@link #MAX_NESTING_DEPTH}. The parser itself is capped too
 * (commonmark-java's {@code maxOpenBlockParsers} and {@code maxInlineNesting}, set to the same number),
 * so {@code >} × 10,000, {@code [} × 10,000, {@code *} × 10,000 or lists nested 10,000 deep cost
 * linear time and build a tree at most about twice as deep as the limit (the extensions' own walks of
 * the tree during parsing stay shallow), whose depth is then measured without recursion before it is
 * rendered;</li>
 * <li>rendering took longer than {@link #RENDER_TIME_BUDGET}. The budget is checked between the steps and
 * while walking the tree, in the calling thread: no extra thread, nothing left running. The parser
 * cannot be interrupted, but with the two limits above its time is bounded: the pathological inputs of
 * the tests, up to {@link #MAX_INPUT_LENGTH} long, take from under a millisecond to a few hundred;</li>
 * <li>anything throws, {@link StackOverflowError} included;</li>
 * <li>non-blank input renders to nothing visible (it was only link reference definitions such as
 * {@code [a]: http://x}): the text is shown rather than an empty post.</li>
 * </ul>
 * {@link #toHtml(String)} never throws.
 *
 * <p>Thread-safe: the parsers and renderers are built once and shared; each call keeps its state on the
 * stack. Use {@link #shared()}.
 */
public final class MarkdownRenderer {

    /**
     * Longest input, in UTF-16 chars, rendered as markdown; longer input falls back to plain text. Every
     * post fits: a post is at most {@code Settings.MAX_POST_SIZE_LIMIT} (16,383) code points, at most
     * 32,766 chars.
     */
    public static final int MAX_INPUT_LENGTH = 32_768;

    /**
     * Deepest a node of the parsed document may lie below the document root (a top-level paragraph is at
     * depth 1, its text at depth 2, the text of a paragraph in a block quote at depth 3); a deeper
     * document falls back to plain text.
     */
    public static final int MAX_NESTING_DEPTH = PostMarkdown.MAX_NESTING_DEPTH;

    /** Time one render may take; past it, the render falls back to plain text. */
    public static final Duration RENDER_TIME_BUDGET = Duration.ofSeconds(2);

    /** What the URL sanitizer puts in place of a URL that is not allowed (not reached in practice). */
    public static final String DISALLOWED_URL = "#";

    /** {@code rel} of every link. */
    public static final String LINK_REL = "noopener noreferrer nofollow";

    /** {@code target} of every link. */
    public static final String LINK_TARGET = "_blank";

    /** {@code referrerpolicy} of every image. */
    public static final String IMAGE_REFERRER_POLICY = "no-referrer";

    /** {@code class} of the span around a user mention. */
    public static final String MENTION_CLASS = "mention";

    /** {@code class} of the span around {@code @channel}, {@code @here} and {@code @all}. */
    public static final String SPECIAL_MENTION_CLASS = "mention mention-special";

    /** {@code class} of the span around a channel mention. */
    public static final String CHANNEL_MENTION_CLASS = "channel-mention";

    /** The mentions that notify a whole channel. */
    public static final Set<String> SPECIAL_MENTIONS = Set.of("channel", "here", "all");

    private static final Logger LOG = Logger.getLogger(MarkdownRenderer.class.getName());

    /** How many nodes are walked between two looks at the clock. */
    private static final int NODES_PER_BUDGET_CHECK = 256;

    private static final Pattern SHORTCODE = Pattern.compile(":([a-z0-9_+-]+):");

    private static final Pattern MENTION =
            Pattern.compile("(?<![A-Za-z0-9_.@~/-])(?:@([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9_-])?)"
                    + "|~([a-z0-9](?:[a-z0-9_-]*[a-z0-9])?))");

    /** The class commonmark-java gives fenced code, kept only for plain language names. */
    private static final Pattern CODE_LANGUAGE_CLASS = Pattern.compile("language-[A-Za-z0-9_+#.-]+");

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private static final UrlSanitizer URL_SANITIZER = new UrlSanitizer() {
        @Override
        public String sanitizeLinkUrl(String url) {
            return SafeUrls.isLink(url) ? url : DISALLOWED_URL;
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return SafeUrls.isImage(url) ? url : DISALLOWED_URL;
        }
    };

    private static final AttributeProvider ATTRIBUTES = (node, tagName, attributes) -> {
        if (node instanceof Link && "a".equals(tagName)) {
            attributes.remove("rel");
            attributes.put("rel", LINK_REL);
            attributes.put("target", LINK_TARGET);
        } else if (node instanceof Image && "img".equals(tagName)) {
            attributes.put("referrerpolicy", IMAGE_REFERRER_POLICY);
        } else if (node instanceof FencedCodeBlock && "code".equals(tagName)) {
            String cssClass = attributes.get("class");
            if (cssClass != null && !CODE_LANGUAGE_CLASS.matcher(cssClass).matches()) {
                attributes.remove("class");
            }
        }
    };

    private static final Parser BLOCK_PARSER;
    private static final HtmlRenderer BLOCK_RENDERER;
    private static final Parser INLINE_PARSER;
    private static final HtmlRenderer INLINE_RENDERER;

    static {
        // The splitter parses with the same dialect: both see the same code blocks and tables.
        BLOCK_PARSER = PostMarkdown.parserBuilder().build();
        BLOCK_RENDERER = htmlRenderer(PostMarkdown.EXTENSIONS, false);

        List<Extension> inlineExtensions = List.of(StrikethroughExtension.create(), AutolinkExtension.create());
        INLINE_PARSER = Parser.builder()
                .extensions(inlineExtensions)
                .enabledBlockTypes(Set.of())
                .maxOpenBlockParsers(MAX_NESTING_DEPTH)
                .maxInlineNesting(MAX_NESTING_DEPTH)
                .build();
        INLINE_RENDERER = htmlRenderer(inlineExtensions, true);

        // Load the emoji data now (about half a second), not during the first render's time budget.
        EmojiManager.getByAlias(":+1:");
    }

    private static final MarkdownRenderer SHARED = new MarkdownRenderer(RENDER_TIME_BUDGET, System::nanoTime);

    private final long budgetNanos;
    private final LongSupplier nanoClock;

    /** For tests: another budget, another clock (nanoseconds, as {@link System#nanoTime()}). */
    MarkdownRenderer(Duration budget, LongSupplier nanoClock) {
        this.budgetNanos = budget.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock);
    }

    /** The renderer, configured once, shared by all threads. */
    public static MarkdownRenderer shared() {
        return SHARED;
    }

    /**
     * Renders a post's markdown to an HTML fragment: block elements, each on its own line, or the
     * plain-text fallback described in the class comment. {@code null} and blank input give {@code ""}.
     */
    public String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        if (markdown.length() > MAX_INPUT_LENGTH) {
            return fallback(markdown, false, "input longer than " + MAX_INPUT_LENGTH);
        }
        return render(markdown, false);
    }

    /**
     * Renders a one-line field (an attachment title, a field name) to inline HTML without a wrapping
     * element: emphasis, code spans, strikethrough, links, autolinks, emoji and mentions; no blocks (a
     * leading {@code #} or {@code >} stays text), line breaks become spaces and images are shown as their
     * alt text. The fallback is the escaped text. {@code null} and blank input give {@code ""}.
     */
    public String toHtmlInline(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        if (text.length() > MAX_INPUT_LENGTH) {
            return fallback(text, true, "input longer than " + MAX_INPUT_LENGTH);
        }
        return render(LINE_BREAK.matcher(text).replaceAll(" "), true);
    }

    private String render(String markdown, boolean inline) {
        long start = nanoClock.getAsLong();
        try {
            Node document = (inline ? INLINE_PARSER : BLOCK_PARSER).parse(markdown);
            checkBudget(start);
            List<Node> linksAndImages = new ArrayList<>();
            walk(document, start, linksAndImages, null);
            for (Node node : linksAndImages) {
                if (node instanceof Link link) {
                    if (!SafeUrls.isLink(link.getDestination())) {
                        unwrap(link);
                    }
                } else if (inline || !SafeUrls.isImage(((Image) node).getDestination())) {
                    unwrap(node);
                }
            }
            List<Text> texts = new ArrayList<>();
            walk(document, start, null, texts);
            for (Text text : texts) {
                decorate(text);
            }
            checkBudget(start);
            String html = (inline ? INLINE_RENDERER : BLOCK_RENDERER).render(document);
            checkBudget(start);
            if (html.isBlank()) {
                // Nothing visible, e.g. only link reference definitions ("[a]: http://x"): show the text.
                return fallback(markdown, inline, "nothing visible");
            }
            return html;
        } catch (RenderAborted e) {
            return fallback(markdown, inline, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.WARNING, "markdown rendering failed, showing the post as plain text", e);
            return fallback(markdown, inline, e.toString());
        }
    }

    /**
     * Walks the tree without recursion, checking the depth and the budget, and collects links and images
     * or text nodes.
     */
    private void walk(Node document, long start, List<Node> linksAndImages, List<Text> texts) {
        Node node = document;
        int depth = 0;
        int count = 0;
        while (node != null) {
            if (depth > MAX_NESTING_DEPTH) {
                throw new RenderAborted("document nested deeper than " + MAX_NESTING_DEPTH);
            }
            if (++count % NODES_PER_BUDGET_CHECK == 0) {
                checkBudget(start);
            }
            if (linksAndImages != null && (node instanceof Link || node instanceof Image)) {
                linksAndImages.add(node);
            } else if (texts != null && node instanceof Text text) {
                texts.add(text);
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                depth++;
                continue;
            }
            while (node != document && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            node = node == document ? null : node.getNext();
        }
    }

    private void checkBudget(long start) {
        if (nanoClock.getAsLong() - start > budgetNanos) {
            throw new RenderAborted("render took longer than " + Duration.ofNanos(budgetNanos));
        }
    }

    /** Replaces a node by its children (a link by its text, an image by its alt text). */
    private static void unwrap(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            node.insertBefore(child);
            child = next;
        }
        node.unlink();
    }

    /** Emoji shortcodes everywhere, mentions outside links and images, emoji images outside images. */
    private static void decorate(Text text) {
        String literal = replaceShortcodes(text.getLiteral());
        if (insideImage(text)) {
            text.setLiteral(literal);
            return;
        }
        if (insideLink(text) || (literal.indexOf('@') < 0 && literal.indexOf('~') < 0)) {
            text.setLiteral(literal);
            emojiImages(text);
            return;
        }
        Matcher m = MENTION.matcher(literal);
        int copied = 0;
        while (m.find()) {
            if (m.start() > copied) {
                Text before = new Text(literal.substring(copied, m.start()));
                text.insertBefore(before);
                emojiImages(before);
            }
            String user = m.group(1);
            String cssClass = user == null
                    ? CHANNEL_MENTION_CLASS
                    : SPECIAL_MENTIONS.contains(user.toLowerCase(Locale.ROOT)) ? SPECIAL_MENTION_CLASS : MENTION_CLASS;
            text.insertBefore(new Mention(m.group(), cssClass));
            copied = m.end();
        }
        if (copied == 0) {
            text.setLiteral(literal);
            emojiImages(text);
            return;
        }
        if (copied < literal.length()) {
            text.setLiteral(literal.substring(copied));
            emojiImages(text);
        } else {
            text.unlink();
        }
    }

    /** Replaces the emoji of a text node that have an image by {@link EmojiImage} nodes, keeping the rest as text. */
    private static void emojiImages(Text text) {
        String literal = text.getLiteral();
        List<EmojiImages.Found> found = EmojiImages.find(literal);
        if (found.isEmpty()) {
            return;
        }
        int copied = 0;
        for (EmojiImages.Found emoji : found) {
            if (emoji.start() > copied) {
                text.insertBefore(new Text(literal.substring(copied, emoji.start())));
            }
            text.insertBefore(new EmojiImage(emoji.emoji(), emoji.url()));
            copied = emoji.end();
        }
        if (copied < literal.length()) {
            text.setLiteral(literal.substring(copied));
        } else {
            text.unlink();
        }
    }

    private static boolean insideLink(Node node) {
        for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof Link) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideImage(Node node) {
        for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof Image) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces the known {@code :shortcode:}s of a text by their emoji; unknown ones stay, and so does a
     * shortcode right after a letter or digit ({@code a:b:c}, {@code 12:30:45}).
     */
    static String replaceShortcodes(String text) {
        if (text.indexOf(':') < 0) {
            return text;
        }
        Matcher m = SHORTCODE.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (from < text.length() && m.find(from)) {
            boolean wordBefore = m.start() > 0 && Character.isLetterOrDigit(text.charAt(m.start() - 1));
            String emoji = wordBefore ? null : emojiFor(m.group(1));
            if (emoji == null) {
                from = m.end() - 1; // the closing colon may open the next shortcode
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, m.start()).append(emoji);
            copied = m.end();
            from = m.end();
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static String emojiFor(String name) {
        return EmojiManager.getByAlias(":" + name + ":")
                .filter(list -> !list.isEmpty())
                .map(list -> list.get(0))
                .map(Emoji::getEmoji)
                .orElse(null);
    }

    private static String fallback(String text, boolean inline, String reason) {
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine("markdown shown as plain text: " + reason);
        }
        if (inline) {
            return escape(LINE_BREAK.matcher(text).replaceAll(" ").strip());
        }
        String[] lines = LINE_BREAK.split(text.strip(), -1);
        StringBuilder out = new StringBuilder(text.length() + 16).append("<p>");
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append("<br />\n");
            }
            out.append(escape(lines[i]));
        }
        return out.append("</p>\n").toString();
    }

    /** Escapes text for an element or a quoted attribute; NUL becomes U+FFFD as in CommonMark. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\0' -> out.append('\uFFFD');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static HtmlRenderer htmlRenderer(List<Extension> extensions, boolean inline) {
        return HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .urlSanitizer(URL_SANITIZER)
                .percentEncodeUrls(true)
                .softbreak(inline ? " " : "<br />\n")
                .omitSingleParagraphP(inline)
                .attributeProviderFactory(context -> ATTRIBUTES)
                .nodeRendererFactory(context -> new MentionRenderer(context.getWriter()))
                .build();
    }

    /** A user, special or channel mention: its text as written and the class of its span. */
    private static final class Mention extends CustomNode {
        final String literal;
        final String cssClass;

        Mention(String literal, String cssClass) {
            this.literal = literal;
            this.cssClass = cssClass;
        }
    }

    /** An emoji shown as an image: the emoji as written (the alt text) and the image's URL. */
    private static final class EmojiImage extends CustomNode {
        final String emoji;
        final String url;

        EmojiImage(String emoji, String url) {
            this.emoji = emoji;
            this.url = url;
        }
    }

    /** Renders mentions as spans and emoji as images; commonmark-java's writer escapes text and attributes. */
    private static final class MentionRenderer implements NodeRenderer {
        private static final String EMOJI_SIZE = Integer.toString(EmojiImages.SIZE);

        private final HtmlWriter html;

        MentionRenderer(HtmlWriter html) {
            this.html = html;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Mention.class, EmojiImage.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof EmojiImage emoji) {
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("class", EmojiImages.CSS_CLASS);
                attributes.put("src", emoji.url);
                attributes.put("alt", emoji.emoji);
                attributes.put("width", EMOJI_SIZE);
                attributes.put("height", EMOJI_SIZE);
                html.tag("img", attributes, true);
                return;
            }
            Mention mention = (Mention) node;
            html.tag("span", Map.of("class", mention.cssClass));
            html.text(mention.literal);
            html.tag("/span");
        }
    }

    /** Stops a render that is too deep or too slow; cheap, without a stack trace. */
    private static final class RenderAborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RenderAborted(String reason) {
            super(reason, null, false, false);
        }
    }
}
