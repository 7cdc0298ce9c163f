package io.hookline.ejb.channel;

import io.hookline.api.view.ChannelView;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.lookup.LookupChangeListener;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A public channel, private group or direct-message channel. */
@Entity
@EntityListeners(LookupChangeListener.class)
@Table(name = "channels")
@NamedQuery(
        name = Channel.BY_TEAM_AND_NAME,
        query = "SELECT c FROM Channel c WHERE c.teamId = :teamId AND c.name = :name")
@NamedQuery(
        name = Channel.PUBLIC_OF_TEAM,
        query = "SELECT c FROM Channel c WHERE c.teamId = :teamId"
                + " AND c.type = io.hookline.ejb.channel.ChannelType.O AND c.deleteAt = 0 ORDER BY c.name")
@NamedQuery(
        name = Channel.NAMES_READABLE_BY,
        query = "SELECT c.id, c.name FROM Channel c WHERE c.id IN :ids AND ("
                + "(c.type = io.hookline.ejb.channel.ChannelType.O AND EXISTS (SELECT t FROM TeamMember t"
                + " WHERE t.teamId = c.teamId AND t.userId = :userId AND t.deleteAt = 0))"
                + " OR (c.type <> io.hookline.ejb.channel.ChannelType.O AND EXISTS (SELECT m FROM ChannelMember m"
                + " WHERE m.channelId = c.id AND m.userId = :userId)))")
public class Channel {

    public static final String BY_TEAM_AND_NAME = "Channel.byTeamAndName";
    static final String PUBLIC_OF_TEAM = "Channel.publicOfTeam";
    /** Pairs (id, name) of those of a set of channels a user may read: {@link ChannelAccess#canRead}, batched. */
    static final String NAMES_READABLE_BY = "Channel.namesReadableBy";

    @Id
    private String id;

    @Column(name = "team_id")
    private String teamId;

    @Enumerated(EnumType.STRING)
    private ChannelType type;

    private String name;

    @Column(name = "display_name")
    private String displayName;

    private String header;
    private String purpose;

    @Column(name = "creator_id")
    private String creatorId;

    @Column(name = "create_at")
    private long createAt;

    @Column(name = "update_at")
    private long updateAt;

    @Column(name = "delete_at")
    private long deleteAt;

    protected Channel() {}

    public Channel(String teamId, ChannelType type, String name, String displayName, String creatorId, long now) {
        this(Ids.newId(), teamId, type, name, displayName, creatorId, now);
    }

    Channel(String id, String teamId, ChannelType type, String name, String displayName, String creatorId, long now) {
        this.id = id;
        this.teamId = teamId;
        this.type = type;
        this.name = name;
        this.displayName = displayName;
        this.header = "";
        this.purpose = "";
        this.creatorId = creatorId;
        this.createAt = now;
        this.updateAt = now;
    }

    public String id() {
        return id;
    }

    public String teamId() {
        return teamId;
    }

    public ChannelType type() {
        return type;
    }

    public boolean isArchived() {
        return deleteAt != 0;
    }

    public String name() {
        return name;
    }

    void archive(long now) {
        deleteAt = now;
        updateAt = now;
    }

    void restore(long now) {
        deleteAt = 0;
        updateAt = now;
    }

    void describe(String purpose, String header) {
        this.purpose = purpose;
        this.header = header;
    }

    public ChannelView view() {
        return new ChannelView(
                id,
                createAt,
                updateAt,
                deleteAt,
                teamId == null ? "" : teamId,
                type.name(),
                displayName,
                name,
                header,
                purpose,
                creatorId);
    }
}
