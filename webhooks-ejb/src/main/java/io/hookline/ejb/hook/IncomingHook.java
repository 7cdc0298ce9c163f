package io.hookline.ejb.hook;

import io.hookline.api.view.HookView;
import io.hookline.ejb.channel.HookRoute;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.lookup.LookupChangeListener;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.regex.Pattern;

/** An incoming webhook. Its id is the secret part of {@code /hooks/{id}}: whoever knows it may post. */
@Entity
@Table(name = "incoming_hooks")
@NamedQuery(
        name = IncomingHook.ACTIVE_OF_CHANNEL,
        query = "SELECT h FROM IncomingHook h WHERE h.deleteAt = 0 AND h.channelId = :channelId")
@NamedQuery(
        name = IncomingHook.ACTIVE_BY_CONSOLE_KEY,
        query = "SELECT h FROM IncomingHook h WHERE h.deleteAt = 0 AND h.consoleKey = :consoleKey")
@NamedQuery(
        name = IncomingHook.ACTIVE_BY_PREVIOUS_ID,
        query = "SELECT h FROM IncomingHook h WHERE h.deleteAt = 0 AND h.previousId = :previousId")
@EntityListeners(LookupChangeListener.class)
public class IncomingHook {

    static final String ACTIVE_OF_CHANNEL = "IncomingHook.activeOfChannel";
    static final String ACTIVE_BY_CONSOLE_KEY = "IncomingHook.activeByConsoleKey";
    static final String ACTIVE_BY_PREVIOUS_ID = "IncomingHook.activeByPreviousId";

    /**
     * Length of a new hook's console key: random characters of the id alphabet (60 bits), so keys do not
     * collide in practice and reveal nothing about how many hooks exist.
     */
    public static final int CONSOLE_KEY_LENGTH = 12;
    /** What a console key may look like (V9 gave older hooks {@code k<number>}); anything else is not looked up. */
    static final Pattern CONSOLE_KEY = Pattern.compile("[a-z0-9]{1,16}");

    /** How precisely "last used" is kept. */
    public static final long LAST_USED_GRANULARITY_MS = 60_000;

    @Id
    private String id;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "channel_id")
    private String channelId;

    @Column(name = "team_id")
    private String teamId;

    @Column(name = "display_name")
    private String displayName;

    private String description;
    private String username;

    @Column(name = "icon_url")
    private String iconUrl;

    @Column(name = "channel_locked")
    private boolean channelLocked;

    @Column(name = "create_at")
    private long createAt;

    @Column(name = "update_at")
    private long updateAt;

    @Column(name = "delete_at")
    private long deleteAt;

    @Column(name = "last_used_at")
    private long lastUsedAt;
    /** The console's handle on the hook (edit page links), so the secret id never appears in a console URL. */
    @Column(name = "console_key")
    private String consoleKey;
    /** The id this hook replaced by rotation, which keeps posting here until {@link #previousIdExpiresAt}. */
    @Column(name = "previous_id")
    private String previousId;

    @Column(name = "previous_id_expires_at")
    private long previousIdExpiresAt;
    /** When {@link #previousId} became previous: its senders are those that used it since. */
    @Column(name = "rotated_at")
    private long rotatedAt;

    protected IncomingHook() {}

    IncomingHook(String userId, String channelId, String teamId, HookDetails details, long now) {
        this.id = Ids.newId();
        this.consoleKey = Ids.newId().substring(0, CONSOLE_KEY_LENGTH);
        this.userId = userId;
        this.channelId = channelId;
        this.teamId = teamId;
        this.displayName = details.displayName();
        this.description = details.description();
        this.username = details.username();
        this.iconUrl = details.iconUrl();
        this.channelLocked = details.channelLocked();
        this.createAt = now;
        this.updateAt = now;
    }

    /** Replaces the editable fields, possibly moving the hook to another channel. */
    void update(String channelId, String teamId, HookDetails details, long now) {
        this.channelId = channelId;
        this.teamId = teamId;
        this.displayName = details.displayName();
        this.description = details.description();
        this.username = details.username();
        this.iconUrl = details.iconUrl();
        this.channelLocked = details.channelLocked();
        this.updateAt = now;
    }

    String consoleKey() {
        return consoleKey;
    }

    long lastUsedAt() {
        return lastUsedAt;
    }

    /**
     * A copy under a new secret id (the console's "regenerate URL"): same channel, creator, names and
     * creation time. The caller deletes this one, so the old URL stops working in the same transaction.
     */
    IncomingHook regenerated(long now) {
        IncomingHook copy = new IncomingHook(
                userId,
                channelId,
                teamId,
                new HookDetails(displayName, description, username, iconUrl, channelLocked),
                now);
        copy.createAt = createAt;
        copy.lastUsedAt = lastUsedAt;
        return copy;
    }

    /**
     * A copy under a new secret id, as {@link #regenerated}, that lets this hook's id keep posting to it until
     * {@code previousExpiresAt}. Only this id: a previous id this hook itself still honours dies with this row
     * (one previous id at a time), which the caller deletes in the same transaction.
     */
    IncomingHook rotated(long now, long previousExpiresAt) {
        IncomingHook copy = regenerated(now);
        copy.previousId = id;
        copy.previousIdExpiresAt = previousExpiresAt;
        copy.rotatedAt = now;
        return copy;
    }

    /** The previous id, while it still opens this hook at {@code now}; {@code null} otherwise. */
    String previousIdAt(long now) {
        return previousId != null && now < previousIdExpiresAt ? previousId : null;
    }

    long previousIdExpiresAt() {
        return previousIdExpiresAt;
    }

    long rotatedAt() {
        return rotatedAt;
    }

    /** The previous id stops working now ("revoke old URL now"). */
    void revokePrevious(long now) {
        this.previousId = null;
        this.previousIdExpiresAt = 0;
        this.updateAt = now;
    }

    /** Whether {@code urlId}, which loaded this hook, is its previous id rather than its own. */
    boolean openedByPreviousId(String urlId) {
        return previousId != null && previousId.equals(urlId) && !id.equals(urlId);
    }

    /** Soft delete, as Mattermost: the URL stops working at once; the row stays for the record. */
    void delete(long now) {
        this.deleteAt = now;
        this.updateAt = now;
    }

    HookRoute route() {
        return new HookRoute(channelId, teamId, userId, channelLocked);
    }

    HookDefaults defaults() {
        return new HookDefaults(displayName, username, iconUrl);
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    String channelId() {
        return channelId;
    }

    boolean isDeleted() {
        return deleteAt != 0;
    }

    public HookView view() {
        return view(System.currentTimeMillis());
    }

    /** The hook's JSON; {@code previous_id_expires_at} only while a previous id still works. */
    HookView view(long now) {
        return new HookView(
                id,
                createAt,
                updateAt,
                deleteAt,
                userId,
                channelId,
                teamId,
                displayName,
                description,
                username,
                iconUrl,
                channelLocked,
                lastUsedAt,
                previousIdAt(now) == null ? null : previousIdExpiresAt);
    }
}
