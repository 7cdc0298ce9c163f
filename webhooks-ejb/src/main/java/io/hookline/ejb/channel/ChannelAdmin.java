package io.hookline.ejb.channel;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.api.view.ChannelView;
import io.hookline.api.view.NewChannelRequest;
import io.hookline.ejb.audit.AuditLog;
import io.hookline.ejb.common.Errors;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.team.Team;
import io.hookline.ejb.team.TeamMember;
import io.hookline.ejb.user.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/** Creates, archives and restores channels; opens direct-message channels. */
@Stateless
public class ChannelAdmin {

    /** Mattermost's channel names: up to 64 lowercase letters, digits, '-' and '_', a letter or digit first. */
    public static final String NAME_REGEX = "[a-z0-9][a-z0-9_-]{0,63}";

    static final Pattern NAME = Pattern.compile(NAME_REGEX);
    public static final int MAX_DISPLAY_NAME = 64;
    public static final int MAX_PURPOSE = 250;
    static final int MAX_HEADER = 1024;
    /** The channel every team member is in; Mattermost refuses to archive it or let anyone leave it. */
    public static final String DEFAULT_CHANNEL = "town-square";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ChannelAccess access;

    @Inject
    private AuditLog audit;

    /** A public channel or private group in a team the caller belongs to; the caller becomes its member. */
    public ChannelView create(Caller caller, NewChannelRequest request) {
        if (request == null) {
            throw Errors.invalidField("channel", "name", "the request has no channel.");
        }
        ChannelType type;
        if ("O".equals(request.type())) {
            type = ChannelType.O;
        } else if ("P".equals(request.type())) {
            type = ChannelType.P;
        } else {
            throw Errors.invalidField(
                    "channel", "type", "O (public) or P (private); direct channels are opened with /channels/direct.");
        }
        String name = request.name() == null ? "" : request.name();
        if (!NAME.matcher(name).matches()) {
            throw Errors.invalidField(
                    "channel",
                    "name",
                    "1 to 64 characters: lowercase letters, digits, '-' and '_', starting with a letter or digit.");
        }
        String displayName =
                request.displayName() == null ? "" : request.displayName().trim();
        if (displayName.isEmpty() || displayName.length() > MAX_DISPLAY_NAME) {
            throw Errors.invalidField("channel", "display_name", "1 to " + MAX_DISPLAY_NAME + " characters.");
        }
        String purpose = limited(request.purpose(), MAX_PURPOSE, "purpose");
        String header = limited(request.header(), MAX_HEADER, "header");
        Team team = request.teamId() == null ? null : em.find(Team.class, request.teamId());
        if (team == null) {
            throw Errors.teamNotFound();
        }
        if (!caller.systemAdmin() && !isTeamMember(team.id(), caller.userId())) {
            throw Errors.forbidden();
        }
        boolean taken = em.createNamedQuery(Channel.BY_TEAM_AND_NAME, Channel.class)
                .setParameter("teamId", team.id())
                .setParameter("name", name)
                .getResultStream()
                .findAny()
                .isPresent();
        if (taken) {
            throw HooklineException.badRequest(
                    "store.sql_channel.save_channel.exists.app_error",
                    "A channel with that name already exists on the same team.");
        }
        long now = System.currentTimeMillis();
        Channel channel = new Channel(team.id(), type, name, displayName, caller.userId(), now);
        channel.describe(purpose, header);
        em.persist(channel);
        em.flush(); // the membership's foreign key needs the channel row first
        em.persist(new ChannelMember(channel.id(), caller.userId(), now));
        return channel.view();
    }

    /**
     * The direct-message channel of two users, created on first use. Its id is derived from the pair,
     * so the primary key itself guarantees one channel per pair, even under concurrent first use.
     */
    public ChannelView direct(Caller caller, String userA, String userB) {
        if (userA == null || userB == null) {
            throw Errors.invalidField("channel", "user_ids", "exactly two user ids.");
        }
        if (!caller.systemAdmin()
                && !caller.userId().equals(userA)
                && !caller.userId().equals(userB)) {
            throw Errors.forbidden();
        }
        for (String userId : new String[] {userA, userB}) {
            if (em.find(User.class, userId) == null) {
                throw Errors.userNotFound();
            }
        }
        String name = userA.compareTo(userB) < 0 ? userA + "__" + userB : userB + "__" + userA;
        String id = directChannelId(name);
        Channel existing = em.find(Channel.class, id);
        if (existing != null) {
            return existing.view();
        }
        long now = System.currentTimeMillis();
        Channel channel = new Channel(id, null, ChannelType.D, name, "", caller.userId(), now);
        em.persist(channel);
        em.flush();
        em.persist(new ChannelMember(id, userA, now));
        if (!userA.equals(userB)) {
            em.persist(new ChannelMember(id, userB, now));
        }
        return channel.view();
    }

    /** Archives a channel (Mattermost's DELETE) for its members and system admins; the default channel stays. */
    public void archive(Caller caller, String channelId) {
        Channel channel = access.readable(caller, channelId);
        access.requireManage(caller, channel);
        if (DEFAULT_CHANNEL.equals(channel.name()) && channel.type() == ChannelType.O) {
            throw HooklineException.badRequest(
                    "api.channel.delete_channel.cannot.app_error",
                    "Unable to archive the default channel " + DEFAULT_CHANNEL + ".");
        }
        if (channel.type() == ChannelType.D) {
            throw HooklineException.badRequest(
                    "api.channel.delete_channel.type.invalid", "Direct message channels cannot be archived.");
        }
        if (!channel.isArchived()) {
            channel.archive(System.currentTimeMillis());
            audit.record(caller, ChannelAudit.ARCHIVE, ChannelAudit.target(channel), ChannelAudit.named(channel));
        }
    }

    /** Restores an archived channel: system admins only, as Mattermost's default roles have it. */
    public ChannelView restore(Caller caller, String channelId) {
        if (!caller.systemAdmin()) {
            throw Errors.forbidden();
        }
        Channel channel = access.readable(caller, channelId);
        boolean wasArchived = channel.isArchived();
        channel.restore(System.currentTimeMillis());
        if (wasArchived) {
            audit.record(caller, ChannelAudit.RESTORE, ChannelAudit.target(channel), ChannelAudit.named(channel));
        }
        return channel.view();
    }

    private boolean isTeamMember(String teamId, String userId) {
        TeamMember member = em.find(TeamMember.class, new TeamMember.Key(teamId, userId));
        return member != null && member.isActive();
    }

    static String directChannelId(String pairName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("direct:" + pairName).getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder(Ids.LENGTH);
            for (int i = 0; i < Ids.LENGTH; i++) {
                id.append(Ids.ALPHABET.charAt(digest[i] & 31));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String limited(String value, int max, String field) {
        String v = value == null ? "" : value;
        if (v.length() > max) {
            throw Errors.invalidField("channel", field, "at most " + max + " characters.");
        }
        return v;
    }
}
