package io.hookline.ejb.team;

import io.hookline.api.view.TeamMemberView;
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

/** Membership of a user in a team. */
@Entity
@EntityListeners(LookupChangeListener.class)
@Table(name = "team_members")
@IdClass(TeamMember.Key.class)
@NamedQuery(
        name = TeamMember.USERS,
        query = "SELECT u FROM User u, TeamMember m WHERE m.userId = u.id"
                + " AND m.teamId = :teamId AND m.deleteAt = 0 ORDER BY u.username")
public class TeamMember {

    /** The users who are (still) members of a team, by username. */
    static final String USERS = "TeamMember.users";

    @Id
    @Column(name = "team_id")
    private String teamId;

    @Id
    @Column(name = "user_id")
    private String userId;

    private String roles;

    @Column(name = "create_at")
    private long createAt;

    @Column(name = "delete_at")
    private long deleteAt;

    protected TeamMember() {}

    public TeamMember(String teamId, String userId, long now) {
        this.teamId = teamId;
        this.userId = userId;
        this.roles = "team_user";
        this.createAt = now;
    }

    public boolean isActive() {
        return deleteAt == 0;
    }

    /** Joining again after leaving reuses the row, as Mattermost does. */
    public void rejoin() {
        deleteAt = 0;
    }

    public void leave(long now) {
        deleteAt = now;
    }

    public TeamMemberView view() {
        return new TeamMemberView(teamId, userId, roles, deleteAt);
    }

    /** Composite primary key (team_id, user_id). */
    public static class Key implements Serializable {
        private String teamId;
        private String userId;

        public Key() {}

        public Key(String teamId, String userId) {
            this.teamId = teamId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(teamId, k.teamId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(teamId, userId);
        }
    }
}
