package io.hookline.ejb.channel;

import io.hookline.api.auth.Caller;
import io.hookline.api.view.ChannelView;
import io.hookline.ejb.common.Errors;
import io.hookline.ejb.common.Like;
import io.hookline.ejb.common.ListWindow;
import io.hookline.ejb.common.Page;
import io.hookline.ejb.team.Team;
import io.hookline.ejb.team.TeamMember;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;

/** Finds channels by id or by the names people use for them, as far as the caller may see them. */
@Stateless
public class ChannelDirectory {

    /** The most channels one list shows: pickers and console lists, not an export. */
    public static final int MAX_LISTED = 500;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ChannelAccess access;

    public ChannelView get(Caller caller, String channelId) {
        return access.readable(caller, channelId).view();
    }

    public ChannelView byTeamAndChannelName(Caller caller, String teamName, String channelName) {
        Team team = em.createNamedQuery(Team.BY_NAME, Team.class)
                .setParameter("name", teamName)
                .getResultStream()
                .findFirst()
                .orElseThrow(Errors::teamNotFound);
        return byTeamIdAndName(caller, team.id(), channelName);
    }

    public ChannelView byTeamIdAndName(Caller caller, String teamId, String channelName) {
        Channel channel = em.createNamedQuery(Channel.BY_TEAM_AND_NAME, Channel.class)
                .setParameter("teamId", teamId)
                .setParameter("name", channelName)
                .getResultStream()
                .findFirst()
                .orElse(null);
        return access.readableByName(caller, channel).view();
    }

    /** The team's public, unarchived channels, for its members (and system admins). */
    public List<ChannelView> publicChannels(Caller caller, String teamId, Page page) {
        requireTeamMember(caller, teamId);
        return page.apply(em.createNamedQuery(Channel.PUBLIC_OF_TEAM, Channel.class)
                        .setParameter("teamId", teamId))
                .getResultStream()
                .map(Channel::view)
                .toList();
    }

    /**
     * Where the caller may point a hook in a team: its public channels and the private groups the caller
     * belongs to, unarchived, by display name (the console's channel picker).
     */
    public List<ChannelView> hookTargets(Caller caller, String teamId) {
        requireTeamMember(caller, teamId);
        return em.createQuery(
                        "SELECT c FROM Channel c WHERE c.teamId = :teamId AND c.deleteAt = 0"
                                + " AND (c.type = io.hookline.ejb.channel.ChannelType.O"
                                + " OR (c.type = io.hookline.ejb.channel.ChannelType.P AND EXISTS (SELECT m FROM ChannelMember m"
                                + " WHERE m.channelId = c.id AND m.userId = :userId)))"
                                + " ORDER BY c.displayName, c.id",
                        Channel.class)
                .setParameter("teamId", teamId)
                .setParameter("userId", caller.userId())
                .setMaxResults(MAX_LISTED)
                .getResultStream()
                .map(Channel::view)
                .toList();
    }

    /**
     * What the caller can open in a team: for a system admin every public channel and private group,
     * archived ones too (to restore them); for others the same as {@link #hookTargets}.
     */
    public List<ChannelView> browsable(Caller caller, String teamId) {
        if (!caller.systemAdmin()) {
            return hookTargets(caller, teamId);
        }
        requireTeamMember(caller, teamId);
        return em.createQuery(
                        "SELECT c FROM Channel c WHERE c.teamId = :teamId"
                                + " AND c.type <> io.hookline.ejb.channel.ChannelType.D"
                                + " ORDER BY c.deleteAt, c.displayName, c.id",
                        Channel.class)
                .setParameter("teamId", teamId)
                .setMaxResults(MAX_LISTED)
                .getResultStream()
                .map(Channel::view)
                .toList();
    }

    /** The System Console's sortable columns: sort key → entity field. Anything else: {@link #browsable}'s order. */
    public static final Map<String, String> SORTABLE = Map.of(
            "displayName", "c.displayName",
            "name", "c.name",
            "type", "c.type",
            "status", "c.deleteAt",
            "purpose", "c.purpose");

    /**
     * One page of {@link #browsable}: what the caller can open in the team (for a system admin every public
     * channel and private group, archived ones too), whose name or display name contains {@code text},
     * case-insensitively (all when blank), in {@link #browsable}'s order unless {@code window} sorts by one of
     * {@link #SORTABLE}. Unlike {@link #browsable}, not cut at {@link #MAX_LISTED}: the console pages through.
     */
    public List<ChannelView> browsable(Caller caller, String teamId, String text, ListWindow window) {
        requireTeamMember(caller, teamId);
        TypedQuery<Channel> query = em.createQuery(
                "SELECT c FROM Channel c" + browsableWhere(caller, text) + " ORDER BY "
                        + window.orderBy(SORTABLE, "c.deleteAt, c.displayName, c.id", "c.id"),
                Channel.class);
        return window.apply(bindBrowsable(query, caller, teamId, text))
                .getResultStream()
                .map(Channel::view)
                .toList();
    }

    /** How many channels {@link #browsable(Caller, String, String, ListWindow)} pages through. */
    public long countBrowsable(Caller caller, String teamId, String text) {
        requireTeamMember(caller, teamId);
        return bindBrowsable(
                        em.createQuery("SELECT COUNT(c) FROM Channel c" + browsableWhere(caller, text), Long.class),
                        caller,
                        teamId,
                        text)
                .getSingleResult();
    }

    static String browsableWhere(Caller caller, String text) {
        StringBuilder where = new StringBuilder(" WHERE c.teamId = :teamId");
        if (caller.systemAdmin()) {
            where.append(" AND c.type <> io.hookline.ejb.channel.ChannelType.D");
        } else {
            where.append(" AND c.deleteAt = 0 AND (c.type = io.hookline.ejb.channel.ChannelType.O"
                    + " OR (c.type = io.hookline.ejb.channel.ChannelType.P AND EXISTS (SELECT m FROM ChannelMember m"
                    + " WHERE m.channelId = c.id AND m.userId = :userId)))");
        }
        if (!Like.blank(text)) {
            where.append(" AND (c.name LIKE :q")
                    .append(Like.ESCAPE_CLAUSE)
                    .append(" OR LOWER(c.displayName) LIKE :q")
                    .append(Like.ESCAPE_CLAUSE)
                    .append(")");
        }
        return where.toString();
    }

    private static <T> TypedQuery<T> bindBrowsable(TypedQuery<T> query, Caller caller, String teamId, String text) {
        query.setParameter("teamId", teamId);
        if (!caller.systemAdmin()) {
            query.setParameter("userId", caller.userId());
        }
        if (!Like.blank(text)) {
            String t = text.trim();
            query.setParameter("q", Like.contains(t.startsWith("~") ? t.substring(1) : t));
        }
        return query;
    }

    private void requireTeamMember(Caller caller, String teamId) {
        Team team = teamId == null ? null : em.find(Team.class, teamId);
        if (team == null) {
            throw Errors.teamNotFound();
        }
        if (!caller.systemAdmin()) {
            TeamMember member = em.find(TeamMember.class, new TeamMember.Key(teamId, caller.userId()));
            if (member == null || !member.isActive()) {
                throw Errors.forbidden();
            }
        }
    }
}
