package io.hookline.ejb.team;

import io.hookline.api.view.TeamView;
import io.hookline.ejb.common.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A team: the namespace for channel names. Type O is open to join, I is invite only (Mattermost's letters). */
@Entity
@Table(name = "teams")
@NamedQuery(name = Team.BY_NAME, query = "SELECT t FROM Team t WHERE t.name = :name")
@NamedQuery(name = Team.ALL, query = "SELECT t FROM Team t WHERE t.deleteAt = 0 ORDER BY t.name")
@NamedQuery(
        name = Team.OF_MEMBER,
        query = "SELECT t FROM Team t, TeamMember m WHERE m.teamId = t.id"
                + " AND m.userId = :userId AND m.deleteAt = 0 AND t.deleteAt = 0 ORDER BY t.name")
public class Team {

    public static final String BY_NAME = "Team.byName";
    public static final String ALL = "Team.all";
    public static final String OF_MEMBER = "Team.ofMember";

    @Id
    private String id;

    private String name;

    @Column(name = "display_name")
    private String displayName;

    private String description;
    private String type;

    @Column(name = "create_at")
    private long createAt;

    @Column(name = "update_at")
    private long updateAt;

    @Column(name = "delete_at")
    private long deleteAt;

    protected Team() {}

    public Team(String name, String displayName, long now) {
        this(name, displayName, "O", "", now);
    }

    public Team(String name, String displayName, String type, String description, long now) {
        this.id = Ids.newId();
        this.name = name;
        this.displayName = displayName;
        this.description = description;
        this.type = type;
        this.createAt = now;
        this.updateAt = now;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean isDeleted() {
        return deleteAt != 0;
    }

    public TeamView view() {
        return new TeamView(id, createAt, updateAt, deleteAt, displayName, name, description, type);
    }
}
