package io.hookline.ejb.delivery;

import io.hookline.api.view.HookDeliveryView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/**
 * A row of the delivery log, read through JPA; rows are written only by {@link DeliveryLogWriter} (batched
 * JDBC), so this entity is never persisted. {@code seq} orders the log: the newest row has the highest.
 */
@Entity
@Table(name = "hook_deliveries")
@NamedQueries({
    @NamedQuery(
            name = DeliveryLogEntry.OF_HOOK_NEWEST_FIRST,
            query = "SELECT d FROM DeliveryLogEntry d WHERE d.hookId = :hookId ORDER BY d.seq DESC"),
    @NamedQuery(
            name = DeliveryLogEntry.DELETE_OF_HOOK,
            query = "DELETE FROM DeliveryLogEntry d WHERE d.hookId = :hookId"),
    @NamedQuery(
            name = DeliveryLogEntry.MOVE_TO_HOOK,
            query = "UPDATE DeliveryLogEntry d SET d.hookId = :newHookId WHERE d.hookId = :oldHookId"),
    @NamedQuery(
            name = DeliveryLogEntry.PREVIOUS_ID_SENDERS,
            query = "SELECT d.remoteAddress, MAX(d.createAt), COUNT(d) FROM DeliveryLogEntry d"
                    + " WHERE d.hookId = :hookId AND d.viaPreviousId = TRUE AND d.createAt >= :since"
                    + " GROUP BY d.remoteAddress ORDER BY MAX(d.createAt) DESC, d.remoteAddress")
})
public class DeliveryLogEntry {

    /** Parameter {@code hookId}: the hook's log, newest first. */
    public static final String OF_HOOK_NEWEST_FIRST = "DeliveryLogEntry.ofHookNewestFirst";
    /** Parameter {@code hookId}: forgets a deleted hook's log. */
    public static final String DELETE_OF_HOOK = "DeliveryLogEntry.deleteOfHook";
    /** Parameters {@code oldHookId}, {@code newHookId}: a regenerated hook keeps its log under its new id. */
    public static final String MOVE_TO_HOOK = "DeliveryLogEntry.moveToHook";
    /**
     * Parameters {@code hookId}, {@code since}: each remote address that used the hook's previous id since then,
     * with its latest time and count ({@code Object[]} of String, Long, Long), latest first. At most the hook's
     * kept rows are grouped (the log is pruned per hook).
     */
    public static final String PREVIOUS_ID_SENDERS = "DeliveryLogEntry.previousIdSenders";

    @Id
    private long seq;

    @Column(name = "hook_id")
    private String hookId;

    @Column(name = "create_at")
    private long createAt;

    @Column(name = "status_code")
    private int statusCode;

    @Column(name = "error_id")
    private String errorId;

    @Column(name = "remote_address")
    private String remoteAddress;

    @Column(name = "size_bytes")
    private long size;

    @Column(name = "duration_ms")
    private long durationMs;

    @Column(name = "channel_id")
    private String channelId;

    @Column(name = "post_ids")
    private String postIds;

    @Column(name = "post_count")
    private int postCount;

    @Column(name = "via_previous_id")
    private boolean viaPreviousId;

    protected DeliveryLogEntry() {}

    public HookDeliveryView view() {
        List<String> ids = postIds == null || postIds.isEmpty() ? List.of() : Arrays.asList(postIds.split(","));
        return new HookDeliveryView(
                createAt,
                statusCode,
                errorId,
                remoteAddress,
                size,
                durationMs,
                channelId,
                List.copyOf(ids),
                postCount,
                viaPreviousId ? Boolean.TRUE : null);
    }
}
