package io.hookline.ejb.hook;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.api.view.HookDeliveryView;
import io.hookline.api.view.HookView;
import io.hookline.api.view.NewHookRequest;
import io.hookline.api.view.PreviousUrlView;
import io.hookline.ejb.audit.AuditLog;
import io.hookline.ejb.channel.Channel;
import io.hookline.ejb.channel.ChannelAccess;
import io.hookline.ejb.channel.ChannelType;
import io.hookline.ejb.common.Errors;
import io.hookline.ejb.common.Like;
import io.hookline.ejb.common.ListWindow;
import io.hookline.ejb.common.Page;
import io.hookline.ejb.delivery.DeliveryLogEntry;
import io.hookline.ejb.settings.SettingsService;
import io.hookline.ejb.stats.HookDeliveryStats;
import io.hookline.ejb.stats.SiteStatistics;
import io.hookline.ejb.stats.StatsWindow;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Incoming webhooks on behalf of signed-in users, with Mattermost's default permissions: a user
 * creates hooks in channels they can read and manages only their own; a system admin manages all.
 * The API and the console both come through here, so every change lands in the {@link AuditLog},
 * in the change's own transaction.
 */
@Stateless
public class HookAdmin {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ChannelAccess access;

    @Inject
    private AuditLog audit;

    @Inject
    private SettingsService settings;

    @Inject
    private SiteStatistics statistics;

    /** A new hook; the caller becomes its creator, whose name and icon its posts carry unless overridden. */
    public HookView create(Caller caller, NewHookRequest request) {
        HookDetails details = HookDetails.from(request);
        Channel channel = hookableChannel(caller, request.channelId());
        IncomingHook hook =
                new IncomingHook(caller.userId(), channel.id(), channel.teamId(), details, System.currentTimeMillis());
        em.persist(hook);
        HookView created = hook.view();
        audit.record(caller, HookAudit.CREATE, HookAudit.target(created.id()), HookAudit.created(created));
        return created;
    }

    /** The caller's hooks (all hooks for an admin), newest first, optionally of one team or channel. */
    public List<HookView> list(Caller caller, String teamId, String channelId, Page page) {
        return visible(caller, teamId, channelId, page).map(IncomingHook::view).toList();
    }

    /**
     * The console's sortable columns of the hook list: sort key → field of the hook {@code h}, its channel
     * {@code c} or its creator {@code u}. Anything else is ignored (newest first).
     */
    public static final Map<String, String> CONSOLE_SORTABLE = Map.of(
            "name", "h.displayName",
            "channel", "c.displayName",
            "creator", "u.username",
            "createAt", "h.createAt",
            "lastUsedAt", "h.lastUsedAt");

    /** The list's default order, as {@link #list}'s. */
    static final String CONSOLE_DEFAULT_ORDER = "h.createAt DESC, h.id";

    /**
     * One page of the console's hook list: the caller's hooks (every hook for a system admin) whose name or
     * channel (name or display name) contains {@code text}, case-insensitively (all when blank), newest first
     * unless {@code window} sorts by one of {@link #CONSOLE_SORTABLE}.
     */
    public List<ConsoleHook> searchForConsole(Caller caller, String text, ListWindow window) {
        TypedQuery<IncomingHook> query = em.createQuery(
                "SELECT h FROM IncomingHook h, Channel c, User u" + consoleWhere(caller, text) + " ORDER BY "
                        + window.orderBy(CONSOLE_SORTABLE, CONSOLE_DEFAULT_ORDER, "h.id"),
                IncomingHook.class);
        return window.apply(bindConsole(query, caller, text))
                .getResultStream()
                .map(h -> new ConsoleHook(h.consoleKey(), h.view()))
                .toList();
    }

    /** How many hooks {@link #searchForConsole} finds in all. */
    public long countForConsole(Caller caller, String text) {
        return bindConsole(
                        em.createQuery(
                                "SELECT COUNT(h) FROM IncomingHook h, Channel c, User u" + consoleWhere(caller, text),
                                Long.class),
                        caller,
                        text)
                .getSingleResult();
    }

    static String consoleWhere(Caller caller, String text) {
        StringBuilder where = new StringBuilder(" WHERE c.id = h.channelId AND u.id = h.userId AND h.deleteAt = 0");
        if (!caller.systemAdmin()) {
            where.append(" AND h.userId = :userId");
        }
        if (!Like.blank(text)) {
            where.append(" AND (LOWER(h.displayName) LIKE :q")
                    .append(Like.ESCAPE_CLAUSE)
                    .append(" OR c.name LIKE :q")
                    .append(Like.ESCAPE_CLAUSE)
                    .append(" OR LOWER(c.displayName) LIKE :q")
                    .append(Like.ESCAPE_CLAUSE)
                    .append(")");
        }
        return where.toString();
    }

    private static <T> TypedQuery<T> bindConsole(TypedQuery<T> query, Caller caller, String text) {
        if (!caller.systemAdmin()) {
            query.setParameter("userId", caller.userId());
        }
        if (!Like.blank(text)) {
            String t = text.trim();
            query.setParameter("q", Like.contains(t.startsWith("~") ? t.substring(1) : t));
        }
        return query;
    }

    private Stream<IncomingHook> visible(Caller caller, String teamId, String channelId, Page page) {
        StringBuilder jpql = new StringBuilder("SELECT h FROM IncomingHook h WHERE h.deleteAt = 0");
        if (!caller.systemAdmin()) {
            jpql.append(" AND h.userId = :userId");
        }
        if (teamId != null && !teamId.isEmpty()) {
            jpql.append(" AND h.teamId = :teamId");
        }
        if (channelId != null && !channelId.isEmpty()) {
            jpql.append(" AND h.channelId = :channelId");
        }
        jpql.append(" ORDER BY h.createAt DESC, h.id");
        TypedQuery<IncomingHook> query = em.createQuery(jpql.toString(), IncomingHook.class);
        if (!caller.systemAdmin()) {
            query.setParameter("userId", caller.userId());
        }
        if (teamId != null && !teamId.isEmpty()) {
            query.setParameter("teamId", teamId);
        }
        if (channelId != null && !channelId.isEmpty()) {
            query.setParameter("channelId", channelId);
        }
        return page.apply(query).getResultStream();
    }

    /**
     * The hook the console's edit page names by its key: 404 for a malformed, unknown or deleted key, 403 when
     * the caller neither created it nor is a system admin (the same rules as by id).
     */
    public ConsoleHook byConsoleKey(Caller caller, String key) {
        IncomingHook hook =
                key == null || !IncomingHook.CONSOLE_KEY.matcher(key).matches()
                        ? null
                        : em.createNamedQuery(IncomingHook.ACTIVE_BY_CONSOLE_KEY, IncomingHook.class)
                                .setParameter("consoleKey", key)
                                .getResultStream()
                                .findFirst()
                                .orElse(null);
        IncomingHook found = manageable(caller, hook);
        return new ConsoleHook(found.consoleKey(), found.view());
    }

    public HookView get(Caller caller, String hookId) {
        return manageable(caller, hookId).view();
    }

    public HookView update(Caller caller, String hookId, NewHookRequest request) {
        IncomingHook hook = manageable(caller, hookId);
        if (request.id() != null && !request.id().isEmpty() && !request.id().equals(hookId)) {
            throw Errors.invalidField("incoming_hook", "id", "the body's id differs from the URL's.");
        }
        HookDetails details = HookDetails.from(request);
        String channelId =
                request.channelId() == null || request.channelId().isEmpty() ? hook.channelId() : request.channelId();
        Channel channel = channelId.equals(hook.channelId())
                ? em.find(Channel.class, channelId)
                : hookableChannel(caller, channelId);
        HookView before = hook.view();
        hook.update(channel.id(), channel.teamId(), details, System.currentTimeMillis());
        HookView after = hook.view();
        audit.record(caller, HookAudit.UPDATE, HookAudit.target(hookId), HookAudit.updated(before, after));
        return after;
    }

    /** Soft-deletes the hook and forgets its delivery log: nobody can open it any more. */
    public void delete(Caller caller, String hookId) {
        IncomingHook hook = manageable(caller, hookId);
        hook.delete(System.currentTimeMillis());
        audit.record(caller, HookAudit.DELETE, HookAudit.target(hookId), HookAudit.deleted(hook.view()));
        em.createNamedQuery(DeliveryLogEntry.DELETE_OF_HOOK)
                .setParameter("hookId", hookId)
                .executeUpdate();
    }

    /**
     * The hook's delivery log, newest first, to its creator or an admin. At most
     * {@code ServiceSettings.HookDeliveryLogSize} entries, even while the writer has not yet pruned to a lowered
     * setting; none while it is 0.
     */
    public List<HookDeliveryView> deliveries(Caller caller, String hookId, Page page) {
        manageable(caller, hookId);
        long keep = settings.current().hookDeliveryLogSize();
        long first = (long) page.page() * page.perPage();
        if (first >= keep) {
            return List.of();
        }
        return em.createNamedQuery(DeliveryLogEntry.OF_HOOK_NEWEST_FIRST, DeliveryLogEntry.class)
                .setParameter("hookId", hookId)
                .setFirstResult((int) first)
                .setMaxResults((int) Math.min(page.perPage(), keep - first))
                .getResultStream()
                .map(DeliveryLogEntry::view)
                .toList();
    }

    /** The sortable columns of a hook's deliveries on its page: sort key → field. Anything else: newest first. */
    public static final Map<String, String> DELIVERY_SORTABLE = Map.of(
            "createAt", "d.seq",
            "statusCode", "d.statusCode",
            "remoteAddress", "d.remoteAddress",
            "size", "d.size",
            "durationMs", "d.durationMs");

    /**
     * One page of the hook's delivery log for its page in the console, newest first unless {@code window} sorts
     * by one of {@link #DELIVERY_SORTABLE}; to its creator or an admin. Only the newest
     * {@code ServiceSettings.HookDeliveryLogSize} entries, as {@link #deliveries}.
     */
    public List<HookDeliveryView> deliveries(Caller caller, String hookId, ListWindow window) {
        manageable(caller, hookId);
        Long oldestKept = oldestKeptDelivery(hookId);
        if (oldestKept == null) {
            return List.of();
        }
        return window.apply(em.createQuery(
                                "SELECT d FROM DeliveryLogEntry d WHERE d.hookId = :hookId AND d.seq >= :oldest"
                                        + " ORDER BY " + window.orderBy(DELIVERY_SORTABLE, "d.seq DESC", "d.seq DESC"),
                                DeliveryLogEntry.class)
                        .setParameter("hookId", hookId)
                        .setParameter("oldest", oldestKept))
                .getResultStream()
                .map(DeliveryLogEntry::view)
                .toList();
    }

    /** How many deliveries {@link #deliveries(Caller, String, ListWindow)} pages through. */
    public long countDeliveries(Caller caller, String hookId) {
        manageable(caller, hookId);
        Long oldestKept = oldestKeptDelivery(hookId);
        if (oldestKept == null) {
            return 0;
        }
        return em.createQuery(
                        "SELECT COUNT(d) FROM DeliveryLogEntry d WHERE d.hookId = :hookId AND d.seq >= :oldest",
                        Long.class)
                .setParameter("hookId", hookId)
                .setParameter("oldest", oldestKept)
                .getSingleResult();
    }

    /** The seq of the oldest entry the log keeps for the hook (its HookDeliveryLogSize-th newest), null for none. */
    private Long oldestKeptDelivery(String hookId) {
        int keep = settings.current().hookDeliveryLogSize();
        if (keep <= 0) {
            return null;
        }
        List<Long> newest = em.createQuery(
                        "SELECT d.seq FROM DeliveryLogEntry d WHERE d.hookId = :hookId ORDER BY d.seq DESC", Long.class)
                .setParameter("hookId", hookId)
                .setFirstResult(keep - 1)
                .setMaxResults(1)
                .getResultList();
        return newest.isEmpty() ? Long.valueOf(0) : newest.get(0);
    }

    /**
     * The hook's delivery log over the last day, ok and refused per half hour, to its creator or an admin: the
     * chart on its page. Counts only what the log keeps ({@code ServiceSettings.HookDeliveryLogSize} per hook).
     */
    public HookDeliveryStats deliveryStats(Caller caller, String hookId) {
        manageable(caller, hookId);
        return statistics.hookDeliveries(hookId, StatsWindow.DAY);
    }

    /**
     * A new secret URL for a hook whose URL leaked: the hook is re-created under a new id with everything
     * else kept, its delivery log included, and the old id is deleted in the same transaction, so from the
     * commit on the old URL answers 404 and only the new one posts.
     */
    public HookView regenerate(Caller caller, String hookId) {
        IncomingHook old = manageable(caller, hookId);
        long now = System.currentTimeMillis();
        // A previous id still in its grace period dies too: it lives only on the old row, deleted here.
        boolean endedPrevious = old.previousIdAt(now) != null;
        IncomingHook renewed = replace(old, old.regenerated(now), now);
        HookView view = renewed.view(now);
        audit.record(
                caller, HookAudit.REGENERATE, HookAudit.target(hookId), HookAudit.regenerated(view, endedPrevious));
        return view;
    }

    /**
     * A new secret URL while the old one keeps working for {@code graceSeconds} ({@link RotationGrace}): the
     * hook is re-created under a new id as by {@link #regenerate}, and the new row lets the old id post to it
     * until then. Rotating again during a grace period starts a new one for the id being replaced; the older
     * previous id stops at once (one previous id at a time). For the hook's creator and system admins.
     */
    public ConsoleHook rotate(Caller caller, String hookId, long graceSeconds) {
        long grace = RotationGrace.seconds(graceSeconds);
        IncomingHook old = manageable(caller, hookId);
        long now = System.currentTimeMillis();
        boolean endedPrevious = old.previousIdAt(now) != null;
        IncomingHook renewed = replace(old, old.rotated(now, now + grace * 1000), now);
        HookView view = renewed.view(now);
        audit.record(
                caller,
                HookAudit.ROTATE,
                HookAudit.target(hookId),
                HookAudit.rotated(view, grace, renewed.previousIdExpiresAt(), endedPrevious));
        return new ConsoleHook(renewed.consoleKey(), view);
    }

    /**
     * The previous URL stops working now ("revoke old URL now"). 404
     * {@value HookAudit#NO_PREVIOUS_ID} when the hook has none in a grace period.
     */
    public HookView revokePrevious(Caller caller, String hookId) {
        IncomingHook hook = manageable(caller, hookId);
        long now = System.currentTimeMillis();
        if (hook.previousIdAt(now) == null) {
            throw noPreviousId();
        }
        long expiresAt = hook.previousIdExpiresAt();
        hook.revokePrevious(now);
        HookView view = hook.view(now);
        audit.record(caller, HookAudit.REVOKE_PREVIOUS, HookAudit.target(hookId), HookAudit.revokedPrevious(expiresAt));
        return view;
    }

    /**
     * The hook's previous URL in its grace period, with the senders still using it according to the delivery
     * log (at most {@link #SENDERS_SHOWN} addresses). 404 {@value HookAudit#NO_PREVIOUS_ID} when there is none.
     */
    public PreviousUrlView previousUrl(Caller caller, String hookId) {
        IncomingHook hook = manageable(caller, hookId);
        if (hook.previousIdAt(System.currentTimeMillis()) == null) {
            throw noPreviousId();
        }
        List<PreviousUrlView.Sender> senders = em.createNamedQuery(DeliveryLogEntry.PREVIOUS_ID_SENDERS, Object[].class)
                .setParameter("hookId", hookId)
                .setParameter("since", hook.rotatedAt())
                .setMaxResults(SENDERS_SHOWN)
                .getResultStream()
                .map(row -> new PreviousUrlView.Sender(
                        (String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
                .toList();
        return new PreviousUrlView(hook.previousIdExpiresAt(), hook.rotatedAt(), senders);
    }

    /** Senders of a previous URL listed, latest first: enough to find the stragglers, bounded for the page. */
    public static final int SENDERS_SHOWN = 20;

    private static HooklineException noPreviousId() {
        return HooklineException.notFound(
                HookAudit.NO_PREVIOUS_ID, "The webhook has no previous URL in a grace period.");
    }

    /**
     * {@code renewed} takes {@code old}'s place: the old row is deleted and the delivery log moves to the new
     * one, in the caller's transaction, so every server sees both at the commit.
     */
    private IncomingHook replace(IncomingHook old, IncomingHook renewed, long now) {
        old.delete(now);
        em.persist(renewed);
        // The log's rows reference the new hook: its row must be in the database first.
        em.flush();
        em.createNamedQuery(DeliveryLogEntry.MOVE_TO_HOOK)
                .setParameter("oldHookId", old.id())
                .setParameter("newHookId", renewed.id())
                .executeUpdate();
        return renewed;
    }

    /** The hook, if it exists (not deleted) and the caller is its creator or an admin: 404 / 403 otherwise. */
    private IncomingHook manageable(Caller caller, String hookId) {
        return manageable(caller, hookId == null ? null : em.find(IncomingHook.class, hookId));
    }

    private IncomingHook manageable(Caller caller, IncomingHook hook) {
        if (hook == null || hook.isDeleted()) {
            throw HooklineException.notFound("app.webhooks.get_incoming.app_error", "Unable to find the webhook.");
        }
        if (!caller.systemAdmin() && !caller.userId().equals(hook.userId())) {
            throw Errors.forbidden();
        }
        return hook;
    }

    private Channel hookableChannel(Caller caller, String channelId) {
        if (channelId == null || channelId.isBlank()) {
            throw Errors.invalidField("incoming_hook", "channel_id", "the hook needs a channel.");
        }
        Channel channel = access.readable(caller, channelId);
        if (channel.type() == ChannelType.D) {
            throw Errors.invalidField(
                    "incoming_hook",
                    "channel_id",
                    "hooks post to a public channel or private group, not a direct message.");
        }
        if (channel.isArchived()) {
            throw Errors.invalidField("incoming_hook", "channel_id", "the channel is archived.");
        }
        return channel;
    }
}
