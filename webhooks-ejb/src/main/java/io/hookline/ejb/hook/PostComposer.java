package io.hookline.ejb.hook;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import io.hookline.ejb.post.PostSplitter;
import io.hookline.ejb.settings.Settings;
import io.hookline.ejb.slack.MentionResolver;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a hook payload becomes, as a function: the payload's own rules ({@link #check}), then its props and
 * overrides ({@link PostProps}), its Slack translation ({@link SlackContent}) and its split ({@link PostSplitter})
 * into the posts to store ({@link #compose}), or the refusal the hook path answers (a {@link HooklineException}
 * with its status and id). It reads no database, clock or randomness: the hook's defaults, the settings and the
 * mention names come in as arguments, so the hook path ({@link HookPoster}), the edit path
 * ({@link HookPostEditor}), the dry run and the tests all run the same code.
 * <p>
 * Mattermost checks the payload before it looks up the channel, and translates only once the channel is known:
 * {@link HookPoster} keeps that order by calling {@link #check} first and {@link #compose} after its look-ups.
 * A payload that {@link #check} has not passed cannot be composed ({@link CheckedPayload}).
 */
public final class PostComposer {

    /** Longest post {@code type} (Mattermost's column width); longer is a 400, not a failed insert. */
    public static final int MAX_TYPE_LENGTH = 64;

    /** Mattermost's post type for the post that carries a message's attachments. */
    static final String SLACK_ATTACHMENT_TYPE = "slack_attachment";

    private static final Set<String> PRIORITIES = Set.of("", "important", "urgent");

    private PostComposer() {}

    /** A payload that passed {@link PostComposer#check}: the only kind {@link PostComposer#compose} takes. */
    public static final class CheckedPayload {
        private final WebhookPayload payload;

        private CheckedPayload(WebhookPayload payload) {
            this.payload = payload;
        }

        public WebhookPayload payload() {
            return payload;
        }
    }

    /** The payload's own rules, the step before any look-up: something to post, a type and a priority allowed. */
    public static CheckedPayload check(WebhookPayload payload) {
        boolean hasText = payload.text() != null && !payload.text().isBlank();
        if (!hasText && !payload.hasAttachments() && !payload.hasBlocks()) {
            throw HooklineException.badRequest("no_text", "The payload has no text (and no attachments).");
        }
        if (payload.type() != null && payload.type().startsWith("system_")) {
            throw invalid("type: system_ post types are reserved for the server.");
        }
        if (payload.type() != null && payload.type().length() > MAX_TYPE_LENGTH) {
            throw invalid("type: at most " + MAX_TYPE_LENGTH + " characters.");
        }
        if (payload.priority() != null) {
            JsonValue priority = payload.priority().get("priority");
            if (priority != null && !(priority instanceof JsonString s && PRIORITIES.contains(s.getString()))) {
                throw invalid("priority.priority must be \"\", \"important\" or \"urgent\".");
            }
        }
        return new CheckedPayload(payload);
    }

    /**
     * The posts a new hook post stores, in order: more than one when the message is longer than
     * {@code MaxPostSize}, at most {@code MaxPostsPerRequest}. {@code mentions} is called at most once.
     */
    public static List<ComposedPost> compose(
            CheckedPayload checked, HookDefaults hook, Settings settings, MentionResolver mentions) {
        return compose(checked, hook, settings, mentions, settings.maxPostsPerRequest());
    }

    /**
     * The one post an edit through the hook URL replaces a post with: a new post's rules, but a message that
     * would be split is refused with 400 {@value PostSplitter#MESSAGE_TOO_LONG} (an edit cannot create posts).
     */
    public static ComposedPost composeEdit(
            CheckedPayload checked, HookDefaults hook, Settings settings, MentionResolver mentions) {
        return compose(checked, hook, settings, mentions, 1).get(0);
    }

    /** The steps after the look-ups, in Mattermost's order: overrides → translate → split → props cap. */
    private static List<ComposedPost> compose(
            CheckedPayload checked, HookDefaults hook, Settings settings, MentionResolver mentions, int maxParts) {
        WebhookPayload payload = checked.payload();
        JsonObject props = PostProps.build(payload, hook, settings);
        SlackContent content = SlackContent.of(payload, mentions);
        // The budget (MaxPostsPerRequest parts, twice the characters) is measured on what the splitter is given:
        // the message after Slack translation, or the blocks' markdown when blocks replace the text. Splitting is
        // the only step whose growth is not a fixed factor of its input (one repeated header per part); the
        // translation before it grows by a bounded factor (a link's URL written twice, percent-escapes), and
        // attachments, with the blocks inside them, stay in props under SlackContent's 760,000-character cap.
        List<String> parts = PostSplitter.split(content.message(), settings.maxPostSize(), maxParts);
        String ownType = payload.type() == null ? "" : payload.type();
        // Mattermost marks the post that carries attachments as slack_attachment; the other parts keep the type
        // asked for.
        String lastType = content.attachments() != null ? SLACK_ATTACHMENT_TYPE : ownType;

        List<ComposedPost> posts = new ArrayList<>(parts.size());
        // Serialized once for all the parts before the last, which share it.
        String propsJson = parts.size() > 1 ? props.toString() : null;
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            // Attachments (and the rest of the Slack content) go with the last part, after the text they follow.
            String partProps = last ? content.addTo(props, payload.priority()).toString() : propsJson;
            posts.add(new ComposedPost(parts.get(i), last ? lastType : ownType, partProps));
        }
        return posts;
    }

    private static HooklineException invalid(String message) {
        return HooklineException.badRequest("invalid_payload", message);
    }
}
