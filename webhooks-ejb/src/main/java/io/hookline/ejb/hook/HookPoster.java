package io.hookline.ejb.hook;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import io.hookline.ejb.channel.ChannelAccess;
import io.hookline.ejb.channel.ChannelOverride;
import io.hookline.ejb.channel.ChannelResolver;
import io.hookline.ejb.channel.ResolvedRoutes;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.idempotency.KeyRecord;
import io.hookline.ejb.post.NewPost;
import io.hookline.ejb.post.Post;
import io.hookline.ejb.post.PostTimestamps;
import io.hookline.ejb.post.PostWriter;
import io.hookline.ejb.settings.CurrentSettings;
import io.hookline.ejb.settings.Settings;
import io.hookline.ejb.slack.MentionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hook pipeline. Checks run in Mattermost's order: enabled → hook → payload → channel (lock,
 * archive, permission) → overrides → translate → split → store. The payload's rules and the steps from
 * "overrides" to "split" are {@link PostComposer}'s, a function of the payload; this class does the look-ups
 * around it (hook, channel, thread, mention names) and the store. Everything before "store" reads cached
 * look-ups and writes nothing, so a refused request stores nothing; the request's posts are then committed
 * together by {@link PostWriter} (group commit), and the integration hears "ok" only after that commit. Not an
 * EJB: the request needs no transaction of its own, and the hot path no container interceptors.
 */
@ApplicationScoped
public class HookPoster {

    /** A {@code thread_ts} that names no post of the target channel (or disagrees with {@code root_id}). */
    public static final String INVALID_THREAD = "invalid_thread";

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
    public HookDestination post(String hookId, WebhookPayload payload) {
        return post(hookId, payload, null);
    }

    /**
     * Like {@link #post(String, WebhookPayload)}, and stores the row {@code keyRecord} makes of the destination
     * (the request's idempotency key with its answer; a null function or a null row: none) in the same transaction
     * as the posts. The post ids are generated before the write, so the edge can build its answer before the
     * commit. (Should another server
     * have taken one of the posts' {@code ts}, the posts are stored with fresh ones and the stored answer keeps
     * the first: one in a million of posts made in the same millisecond on two servers; see PostTimestamps.)
     */
    public HookDestination post(String hookId, WebhookPayload payload, Function<HookDestination, KeyRecord> keyRecord) {
        Planned planned = plan(hookId, payload);
        long now = planned.now();
        // Only a keyed request builds its answer before the commit; the rest store no key row.
        KeyRecord key =
                keyRecord == null ? null : keyRecord.apply(HookDestination.of(planned.channelId(), planned.posts()));
        // "Last used" in the console needs minutes, not milliseconds: one row write a minute per hook. The hook's
        // own id, also when its previous id (after a rotation) opened it.
        String own = planned.ownHookId();
        List<NewPost> stored = writer.store(planned.posts(), activeHooks.markDue(own, now) ? own : null, now, key);
        return HookDestination.of(planned.channelId(), stored);
    }

    /**
     * {@code ?dry_run=true}: every check and step of {@link #post} (the same refusals, in the same order), and
     * the posts it would store, but nothing is written, not even the hook's "last used".
     */
    public HookDestination dryRun(String hookId, WebhookPayload payload) {
        Planned planned = plan(hookId, payload);
        return HookDestination.of(planned.channelId(), planned.posts());
    }

    /** What {@link #plan} decided: the target channel and the posts, not yet stored. */
    private record Planned(String channelId, List<NewPost> posts, long now, String ownHookId) {}

    /** Everything before "store": reads cached look-ups, writes nothing. */
    private Planned plan(String hookId, WebhookPayload payload) {
        Settings settings = currentSettings.get();
        ActiveHooks.Snapshot hook = activeHook(settings, hookId);
        PostComposer.CheckedPayload checked = PostComposer.check(payload);
        // The name rule before any look-up or cache: a value that cannot name a channel or user is refused here.
        ChannelOverride target = ChannelOverride.parse(payload.channel());
        // The cache first: the resolver is an EJB (a transaction per call), needed only when the answer is stale.
        String channelId = routes.get(hook.route(), target, () -> channels.resolveRoute(hook.route(), target))
                .channelIdOrThrow();
        String rootId = threadRoot(payload, channelId);
        List<ComposedPost> composed = PostComposer.compose(checked, hook.defaults(), settings, mentions(hook.userId()));

        long now = System.currentTimeMillis();
        List<NewPost> posts = new ArrayList<>(composed.size());
        for (int i = 0; i < composed.size(); i++) {
            ComposedPost post = composed.get(i);
            posts.add(NewPost.of(
                    channelId, hook.userId(), rootId, post.message(), post.type(), post.props(), now + i, hook.id()));
        }
        return new Planned(channelId, posts, now, hook.id());
    }

    /**
     * The hook behind the URL, if hooks are enabled and it exists: the first two checks of every request through
     * a hook URL, a new post's and an edit's alike.
     */
    public ActiveHooks.Snapshot activeHook(Settings settings, String hookId) {
        if (!settings.enableIncomingWebhooks()) {
            throw new HooklineException(
                    501, "hooks_disabled", "Incoming webhooks have been disabled by the system admin.");
        }
        ActiveHooks.Snapshot hook = Ids.isWellFormed(hookId) ? activeHooks.find(hookId, reads::hook) : null;
        if (hook == null) {
            // Same answer for "never existed" and "deleted": the URL reveals nothing about past hooks.
            throw HooklineException.notFound("no_service", "No incoming webhook exists at this URL.");
        }
        return hook;
    }

    /**
     * The thread a reply joins, "" for none. {@code root_id} names its root by post id (refused as
     * {@code invalid_payload}, as ever); Slack's {@code thread_ts} is its alias, naming the root by post id or by
     * the {@code ts} that {@code ?wait=true} returned (refused as {@code invalid_thread}). When both are sent they
     * must lead to the same thread: a sender that says two different things gets told, not a guess.
     */
    private String threadRoot(WebhookPayload payload, String channelId) {
        String byRootId = payload.rootId() == null
                ? null
                : threadOf(
                        Ids.isWellFormed(payload.rootId()) ? reads.post(payload.rootId()) : null,
                        channelId,
                        "invalid_payload",
                        "root_id: no such post in the target channel.");
        if (payload.threadTs() == null) {
            return byRootId == null ? "" : byRootId;
        }
        String ref = payload.threadTs();
        Post named = PostTimestamps.isTs(ref) ? reads.postByTs(ref) : Ids.isWellFormed(ref) ? reads.post(ref) : null;
        String byThreadTs = threadOf(
                named, channelId, INVALID_THREAD, "thread_ts: no post with this ts or id in the target channel.");
        if (byRootId != null && !byRootId.equals(byThreadTs)) {
            throw HooklineException.badRequest(INVALID_THREAD, "root_id and thread_ts name different threads.");
        }
        return byThreadTs;
    }

    /**
     * The one rule for a reply's root, whichever field named it: a post of the target channel, not deleted; a
     * reply to a reply joins the same thread.
     */
    private static String threadOf(Post root, String channelId, String errorId, String message) {
        if (root == null || root.isDeleted() || !root.channelId().equals(channelId)) {
            throw HooklineException.badRequest(errorId, message);
        }
        return root.rootId().isEmpty() ? root.id() : root.rootId();
    }

    /**
     * Slack's {@code <@U…>} and {@code <#C…>} resolve when they carry Hookline ids: users by one query, channels
     * by one query and only those the hook's creator may read (the post shows the name to everyone in the target
     * channel, so a private channel's name must not leak through a hook). Called at most once per request.
     */
    public MentionResolver mentions(String creatorId) {
        return (userIds, channelIds) -> new MentionResolver.Names(
                reads.usernames(wellFormed(userIds)), channelAccess.namesReadableBy(creatorId, wellFormed(channelIds)));
    }

    private static Set<String> wellFormed(Set<String> ids) {
        return ids.stream().filter(Ids::isWellFormed).collect(Collectors.toUnmodifiableSet());
    }
}
