package io.hookline.ejb.hook;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import io.hookline.ejb.channel.ChannelAccess;
import io.hookline.ejb.channel.ChannelOverride;
import io.hookline.ejb.channel.ChannelResolver;
import io.hookline.ejb.channel.ResolvedRoutes;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.post.NewPost;
import io.hookline.ejb.post.Post;
import io.hookline.ejb.post.PostSplitter;
import io.hookline.ejb.post.PostWriter;
import io.hookline.ejb.settings.CurrentSettings;
import io.hookline.ejb.settings.Settings;
import io.hookline.ejb.slack.MentionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hook pipeline. Checks run in Mattermost's order: enabled → hook → payload → channel (lock,
 * archive, permission) → overrides → translate → split → store. Everything before "store" reads
 * cached look-ups and writes nothing, so a refused request stores nothing; the request's posts are
 * then committed together by {@link PostWriter} (group commit), and the integration hears "ok" only
 * after that commit. Not an EJB: the request needs no transaction of its own, and the hot path no
 * container interceptors.
 */
@ApplicationScoped
public class HookPoster {

    /** Longest post {@code type} (Mattermost's column width); longer is a 400, not a failed insert. */
    public static final int MAX_TYPE_LENGTH = 64;

    private static final Set<String> PRIORITIES = Set.of("", "important", "urgent");

    @Inject
    private HookReads reads;

    @Inject
    private CurrentSettings currentSettings;

    @Inject
    private ChannelResolver channels;

    @Inject
    private ResolvedRoutes routes;

    @Inject
    private ActiveHooks activeHooks;

    @Inject
    private PostWriter writer;

    @Inject
    private ChannelAccess channelAccess;

    /** Stores the payload as one or more posts (all or none) and says where they went. */
    public HookDelivery post(String hookId, WebhookPayload payload) {
        Settings settings = currentSettings.get();
        if (!settings.enableIncomingWebhooks()) {
            throw new HooklineException(501, "hooks_disabled", "Incoming webhooks have been disabled by the system admin.");
        }
        ActiveHooks.Snapshot hook = Ids.isWellFormed(hookId) ? activeHooks.find(hookId, reads::hook) : null;
        if (hook == null) {
            // Same answer for "never existed" and "deleted": the URL reveals nothing about past hooks.
            throw HooklineException.notFound("no_service", "No incoming webhook exists at this URL.");
        }
        requireValidPayload(payload);
        // The name rule before any look-up or cache: a value that cannot name a channel or user is refused here.
        ChannelOverride target = ChannelOverride.parse(payload.channel());
        // The cache first: the resolver is an EJB (a transaction per call), needed only when the answer is stale.
        String channelId = routes.get(hook.route(), target,
                () -> channels.resolveRoute(hook.route(), target)).channelIdOrThrow();
        String rootId = threadRoot(payload.rootId(), channelId);

        MentionResolver mentions = mentions(hook.userId());
        JsonObject props = PostProps.build(payload, hook.defaults(), settings);
        SlackContent content = SlackContent.of(payload, mentions);
        // The budget (MaxPostsPerRequest parts, twice the characters) is measured on what the splitter is given:
        // the message after Slack translation, or the blocks' markdown when blocks replace the text. Splitting is
        // the only step whose growth is not a fixed factor of its input (one repeated header per part); the
        // translation before it grows by a bounded factor (a link's URL written twice, percent-escapes), and
        // attachments, with the blocks inside them, stay in props under SlackContent's 760,000-character cap.
        List<String> parts = PostSplitter.split(content.message(), settings.maxPostSize(),
                settings.maxPostsPerRequest());
        String ownType = payload.type() == null ? "" : payload.type();
        // Mattermost marks the post that carries attachments as slack_attachment; the other parts keep the type asked for.
        String lastType = content.attachments() != null ? "slack_attachment" : ownType;

        long now = System.currentTimeMillis();
        List<NewPost> posts = new ArrayList<>(parts.size());
        String propsJson = props.toString();
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            // Attachments (and the rest of the Slack content) go with the last part, after the text they follow.
            String partProps = last ? content.addTo(props, payload.priority()).toString() : propsJson;
            posts.add(NewPost.of(channelId, hook.userId(), rootId, parts.get(i), last ? lastType : ownType,
                    partProps, now + i));
        }
        // "Last used" in the console needs minutes, not milliseconds: one row write a minute per hook.
        // The hook's own id, also when its previous id (after a rotation) opened it.
        writer.store(posts, activeHooks.markDue(hook.id(), now) ? hook.id() : null, now);
        List<String> postIds = posts.stream().map(NewPost::id).toList();
        return new HookDelivery(channelId, postIds);
    }

    private static void requireValidPayload(WebhookPayload payload) {
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
            if (priority != null && !(priority instanceof jakarta.json.JsonString s && PRIORITIES.contains(s.getString()))) {
                throw invalid("priority.priority must be \"\", \"important\" or \"urgent\".");
            }
        }
    }

    /** A reply's root must be a post of the target channel; a reply to a reply joins the same thread. */
    private String threadRoot(String rootId, String channelId) {
        if (rootId == null) {
            return "";
        }
        Post root = Ids.isWellFormed(rootId) ? reads.post(rootId) : null;
        if (root == null || root.isDeleted() || !root.channelId().equals(channelId)) {
            throw invalid("root_id: no such post in the target channel.");
        }
        return root.rootId().isEmpty() ? root.id() : root.rootId();
    }

    /**
     * Slack's {@code <@U…>} and {@code <#C…>} resolve when they carry Hookline ids: users by one query, channels
     * by one query and only those the hook's creator may read (the post shows the name to everyone in the target
     * channel, so a private channel's name must not leak through a hook). Called at most once per request.
     */
    private MentionResolver mentions(String creatorId) {
        return (userIds, channelIds) -> new MentionResolver.Names(reads.usernames(wellFormed(userIds)),
                channelAccess.namesReadableBy(creatorId, wellFormed(channelIds)));
    }

    private static Set<String> wellFormed(Set<String> ids) {
        return ids.stream().filter(Ids::isWellFormed).collect(Collectors.toUnmodifiableSet());
    }

    private static HooklineException invalid(String message) {
        return HooklineException.badRequest("invalid_payload", message);
    }
}
