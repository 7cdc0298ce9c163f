package io.hookline.ejb.channel;

import io.hookline.api.view.ChannelMemberView;
import io.hookline.ejb.lookup.LookupChangeListener;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Membership of a user in a channel. */
@Entity
@EntityListeners(LookupChangeListener.class)
@Table(name = "channel_members")
@IdClass(ChannelMember.Key.class)
@NamedQuery(
        name = ChannelMember.OF_CHANNEL,
        query = "SELECT m FROM ChannelMember m WHERE m.channelId = :channelId ORDER BY m.createAt, m.userId")
@NamedQuery(
        name = ChannelMember.USERS,
        query = "SELECT u FROM User u, ChannelMember m WHERE m.userId = u.id"
                + " AND m.channelId = :channelId ORDER BY u.username")
public class ChannelMember {

    static final String OF_CHANNEL = "ChannelMember.ofChannel";
    /** The users who are members of a channel, by username. */
    static final String USERS = "ChannelMember.users";

    @Id
    @Column(name = "channel_id")
    private String channelId;

    @Id
    @Column(name = "user_id")
    private String userId;

    private String roles;

    @Column(name = "create_at")
    private long createAt;

    protected ChannelMember() {}

    public ChannelMember(String channelId, String userId, long now) {
        this.channelId = channelId;
        this.userId = userId;
        this.roles = "channel_user";
        this.createAt = now;
    }

    public ChannelMemberView view() {
        return new ChannelMemberView(channelId, userId, roles, createAt);
    }

    /** Composite primary key (channel_id, user_id). */
    public static class Key implements Serializable {
        private String channelId;
        private String userId;

        public Key() {}

        public Key(String channelId, String userId) {
            this.channelId = channelId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(channelId, k.channelId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(channelId, userId);
        }
    }
}
