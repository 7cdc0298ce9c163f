package io.hookline.ejb.team;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.api.view.NewTeamRequest;
import io.hookline.api.view.TeamMemberView;
import io.hookline.api.view.TeamView;
import io.hookline.api.view.UserView;
import io.hookline.ejb.audit.AuditLog;
import io.hookline.ejb.common.Errors;
import io.hookline.ejb.common.Like;
import io.hookline.ejb.common.ListWindow;
import io.hookline.ejb.common.Page;
import io.hookline.ejb.user.User;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Teams and their members, with Mattermost's defaults: any user creates a team and becomes its
 * member; members add members; a user leaves on their own or is removed by a system admin.
 */
@Stateless
public class TeamAdmin {

    /** Mattermost's team names: 2–64 characters, lowercase letters, digits and '-', not at either end. */
    public static final String NAME_REGEX = "[a-z0-9][a-z0-9-]{0,62}[a-z0-9]";

    static final Pattern NAME = Pattern.compile(NAME_REGEX);
    public static final int MAX_DISPLAY_NAME = 64;
    static final int MAX_DESCRIPTION = 255;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    /** The team's channels follow its membership: {@code channel.TeamChannels} observes these. */
    @Inject
    private Event<TeamCreated> teamCreated;

    @Inject
    private Event<TeamJoined> teamJoined;

    @Inject
    private Event<TeamLeft> teamLeft;

    public TeamView create(Caller caller, NewTeamRequest request) {
        if (request == null) {
            throw Errors.invalidField("team", "name", "the request has no team.");
        }
        String name = request.name() == null ? "" : request.name();
        if (!NAME.matcher(name).matches()) {
            throw Errors.invalidField(
                    "team",
                    "name",
                    "2 to 64 characters: lowercase letters, digits and '-', starting and ending with a letter or digit.");
        }
        String displayName =
                request.displayName() == null ? "" : request.displayName().trim();
        if (displayName.isEmpty() || displayName.length() > MAX_DISPLAY_NAME) {
            throw Errors.invalidField("team", "display_name", "1 to " + MAX_DISPLAY_NAME + " characters.");
        }
        String type = request.type() == null || request.type().isEmpty() ? "O" : request.type();
        if (!type.equals("O") && !type.equals("I")) {
            throw Errors.invalidField("team", "type", "O (open) or I (invite only).");
        }
        String description = request.description() == null ? "" : request.description();
        if (description.length() > MAX_DESCRIPTION) {
            throw Errors.invalidField("team", "description", "at most " + MAX_DESCRIPTION + " characters.");
        }
        if (findByName(name) != null) {
            throw HooklineException.badRequest(
                    "app.team.save.existing.app_error", "A team with that name already exists.");
        }
        long now = System.currentTimeMillis();
        Team team = new Team(name, displayName, type, description, now);
        em.persist(team);
        em.flush(); // the membership's foreign key needs the team row first
        em.persist(new TeamMember(team.id(), caller.userId(), now));
        // Every Mattermost team starts with two public channels; its members join them.
        teamCreated.fire(new TeamCreated(team.id(), caller.userId(), now));
        return team.view();
    }

    /** All teams for a system admin; a user's own teams otherwise. */
    public List<TeamView> list(Caller caller, Page page) {
        var query = caller.systemAdmin()
                ? em.createNamedQuery(Team.ALL, Team.class)
                : em.createNamedQuery(Team.OF_MEMBER, Team.class).setParameter("userId", caller.userId());
        return page.apply(query).getResultStream().map(Team::view).toList();
    }

    /** The System Console's sortable columns: sort key → entity field. Anything else is ignored (by name). */
    public static final Map<String, String> SORTABLE =
            Map.of("name", "t.name", "displayName", "t.displayName", "type", "t.type");

    /**
     * One page of {@link #list}'s teams (all for a system admin, the caller's own otherwise) whose name or display
     * name contains {@code text}, case-insensitively (all when blank), by name unless {@code window} sorts by one
     * of {@link #SORTABLE}.
     */
    public List<TeamView> search(Caller caller, String text, ListWindow window) {
        TypedQuery<Team> query = em.createQuery(
                "SELECT t FROM Team t" + where(caller, text) + " ORDER BY "
                        + window.orderBy(SORTABLE, "t.name, t.id", "t.id"),
                Team.class);
        return window.apply(bind(query, caller, text))
                .getResultStream()
                .map(Team::view)
                .toList();
    }

    /** How many teams {@link #search} finds in all. */
    public long count(Caller caller, String text) {
        return bind(em.createQuery("SELECT COUNT(t) FROM Team t" + where(caller, text), Long.class), caller, text)
                .getSingleResult();
    }

    static String where(Caller caller, String text) {
        StringBuilder where = new StringBuilder(" WHERE t.deleteAt = 0");
        if (!caller.systemAdmin()) {
            where.append(" AND EXISTS (SELECT m FROM TeamMember m WHERE m.teamId = t.id AND m.userId = :userId"
                    + " AND m.deleteAt = 0)");
        }
        if (!Like.blank(text)) {
            where.append(" AND (t.name LIKE :q")
                    .append(Like.ESCAPE_CLAUSE)
                    .append(" OR LOWER(t.displayName) LIKE :q")
                    .append(Like.ESCAPE_CLAUSE)
                    .append(")");
        }
        return where.toString();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Caller caller, String text) {
        if (!caller.systemAdmin()) {
            query.setParameter("userId", caller.userId());
        }
        if (!Like.blank(text)) {
            query.setParameter("q", Like.contains(text));
        }
        return query;
    }

    public TeamView get(Caller caller, String teamId) {
        return readable(caller, teamId == null ? null : em.find(Team.class, teamId))
                .view();
    }

    public TeamView byName(Caller caller, String name) {
        return readable(caller, findByName(name)).view();
    }

    public TeamMemberView addMember(Caller caller, String teamId, String userId) {
        Team team = readable(caller, teamId == null ? null : em.find(Team.class, teamId));
        User user = userId == null ? null : em.find(User.class, userId);
        if (user == null) {
            throw Errors.userNotFound();
        }
        if (!user.isActive()) {
            throw Errors.invalidField("team_member", "user_id", "the user is deactivated.");
        }
        TeamMember member = em.find(TeamMember.class, new TeamMember.Key(team.id(), userId));
        if (member == null) {
            member = new TeamMember(team.id(), userId, System.currentTimeMillis());
            em.persist(member);
            audit.record(caller, TeamAudit.ADD_MEMBER, TeamAudit.target(team), TeamAudit.member(team, userId));
        } else {
            if (!member.isActive()) {
                audit.record(caller, TeamAudit.ADD_MEMBER, TeamAudit.target(team), TeamAudit.member(team, userId));
            }
            member.rejoin();
        }
        teamJoined.fire(new TeamJoined(team.id(), userId, System.currentTimeMillis()));
        return member.view();
    }

    /** Removes a member (self, or by a system admin) and their memberships in the team's channels. */
    public void removeMember(Caller caller, String teamId, String userId) {
        if (!caller.systemAdmin() && !caller.userId().equals(userId)) {
            throw Errors.forbidden();
        }
        Team team = teamId == null ? null : em.find(Team.class, teamId);
        if (team == null) {
            throw Errors.teamNotFound();
        }
        TeamMember member = em.find(TeamMember.class, new TeamMember.Key(teamId, userId));
        if (member == null || !member.isActive()) {
            throw HooklineException.notFound(
                    "app.team.get_member.missing.app_error", "The user is not a member of the team.");
        }
        member.leave(System.currentTimeMillis());
        audit.record(caller, TeamAudit.REMOVE_MEMBER, TeamAudit.target(team), TeamAudit.member(team, userId));
        teamLeft.fire(new TeamLeft(teamId, userId));
    }

    /** The team's members as users, by username, for its members and system admins (Mattermost's users?in_team=). */
    public List<UserView> members(Caller caller, String teamId, Page page) {
        Team team = readable(caller, teamId == null ? null : em.find(Team.class, teamId));
        return page.apply(em.createNamedQuery(TeamMember.USERS, User.class).setParameter("teamId", team.id()))
                .getResultStream()
                .map(User::view)
                .toList();
    }

    public boolean isMember(String teamId, String userId) {
        TeamMember member = em.find(TeamMember.class, new TeamMember.Key(teamId, userId));
        return member != null && member.isActive();
    }

    private Team readable(Caller caller, Team team) {
        if (team == null || team.isDeleted()) {
            throw Errors.teamNotFound();
        }
        if (!caller.systemAdmin() && !isMember(team.id(), caller.userId())) {
            throw Errors.forbidden();
        }
        return team;
    }

    private Team findByName(String name) {
        return em.createNamedQuery(Team.BY_NAME, Team.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }
}
