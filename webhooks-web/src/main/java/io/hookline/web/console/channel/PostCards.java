package io.hookline.web.console.channel;

import io.hookline.api.view.PostView;
import io.hookline.api.view.UserView;
import io.hookline.ejb.common.SafeUrls;
import io.hookline.ejb.hook.HookLimits;
import jakarta.json.JsonObject;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.fellbaum.jemoji.Emoji;
import net.fellbaum.jemoji.EmojiManager;

/**
 * Builds the {@link PostCard} of a stored post, with Mattermost's display rules for webhook posts:
 * <ul>
 *   <li>Author: a webhook post ({@code props.from_webhook == "true"}) shows {@code override_username}
 *       when it is set and not blank; otherwise, and for every other post, the creator's username;
 *       "unknown" when the creator cannot be found.</li>
 *   <li>Icon, webhook posts only: {@code override_icon_url} when it is an absolute http(s) URL, else
 *       {@code override_icon_emoji} when it names a known emoji, else none (the page shows
 *       {@link PostCard#initials()}).</li>
 *   <li>BOT tag: {@code from_webhook == "true"}, the string, as Mattermost stores it.</li>
 *   <li>Message: rendered by the shared markdown renderer. For Block Kit posts the write path already made
 *       the blocks the message (their markdown) and kept the sender's text in {@code props.fallback}, so
 *       nothing else is read here; {@code props.blocks} is for API clients.</li>
 * </ul>
 * The overrides are read only on webhook posts: they are the hook's to set, and Mattermost ignores them
 * elsewhere. Props of the wrong shape count as absent; building a card never throws on stored data.
 */
public final class PostCards {

    /** Shown when the post's creator is unknown (deleted from the database, or no user id). */
    public static final String UNKNOWN_AUTHOR = "unknown";

    /** Longest author name shown, in code points: the write path's override username limit. */
    public static final int MAX_AUTHOR_NAME_LENGTH = HookLimits.MAX_OVERRIDE_USERNAME;

    /** The avatar letter when the name has no letter or digit. */
    static final String NO_INITIALS = "?";

    /** An emoji name as {@code override_icon_emoji} stores it, colons optional. */
    private static final Pattern EMOJI_NAME = Pattern.compile(":?([a-z0-9_+-]{1,64}):?");

    private static final MarkdownRenderer RENDERER = MarkdownRenderer.shared();

    private PostCards() {}

    /**
     * The card of one post.
     *
     * @param post  the stored post
     * @param users looks a creator up by user id; may return null for an unknown id. Called at most once.
     */
    public static PostCard of(PostView post, Function<String, UserView> users) {
        Objects.requireNonNull(post, "post");
        JsonObject props = post.props();
        boolean bot = "true".equals(TolerantJson.text(props, "from_webhook"));
        String authorName = authorName(post, props, bot, users);
        String iconUrl = bot ? SafeUrls.shownHttpUrl(TolerantJson.text(props, "override_icon_url")) : null;
        String iconEmoji = bot && iconUrl == null ? emoji(TolerantJson.text(props, "override_icon_emoji")) : null;
        return new PostCard(
                post.id(),
                post.createAt(),
                authorName,
                iconUrl,
                iconEmoji,
                initials(authorName),
                bot,
                RENDERER.toHtml(post.message()),
                AttachmentCards.of(props == null ? null : props.get("attachments")));
    }

    private static String authorName(PostView post, JsonObject props, boolean bot, Function<String, UserView> users) {
        if (bot) {
            String override = PlainText.oneLine(TolerantJson.text(props, "override_username"), MAX_AUTHOR_NAME_LENGTH);
            if (!override.isEmpty()) {
                return override;
            }
        }
        String userId = post.userId();
        UserView user = userId == null || userId.isEmpty() ? null : users.apply(userId);
        String username = user == null ? "" : PlainText.oneLine(user.username(), MAX_AUTHOR_NAME_LENGTH);
        return username.isEmpty() ? UNKNOWN_AUTHOR : username;
    }

    /** The Unicode emoji an {@code override_icon_emoji} such as {@code :ghost:} names, or null. */
    static String emoji(String name) {
        if (name == null) {
            return null;
        }
        var matcher = EMOJI_NAME.matcher(name.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return null;
        }
        return EmojiManager.getByAlias(":" + matcher.group(1) + ":")
                .filter(emojis -> !emojis.isEmpty())
                .map(emojis -> emojis.get(0))
                .map(Emoji::getEmoji)
                .orElse(null);
    }

    /** The first letter or digit of the name, upper case, for the avatar. */
    static String initials(String name) {
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return new String(Character.toChars(Character.toUpperCase(cp)));
            }
            i += Character.charCount(cp);
        }
        return NO_INITIALS;
    }
}
