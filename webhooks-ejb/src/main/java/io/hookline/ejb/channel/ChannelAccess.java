package io.hookline.ejb.channel;

import io.hookline.api.auth.Caller;
import io.hookline.ejb.common.Errors;
import io.hookline.ejb.team.TeamMember;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who may see a channel, Mattermost's way: system admins everything; a public channel every member
 * of its team; a private group or direct channel only its members. Who may manage one (archive it,
 * remove others from it): its members and system admins, as Mattermost's channel_user role holds
 * delete_*_channel and manage_*_channel_members, which a team member outside the channel does not have.
 */
@Stateless
public class ChannelAccess {

    @PersistenceContext
    private EntityManager em;

    public boolean canRead(Caller caller, Channel channel) {
        if (caller.systemAdmin()) {
            return true;
        }
        if (channel.type() == ChannelType.O) {
            TeamMember member = em.find(TeamMember.class, new TeamMember.Key(channel.teamId(), caller.userId()));
            return member != null && member.isActive();
        }
        return isMember(channel.id(), caller.userId());
    }

    /**
     * The names of those of {@code channelIds} that {@code userId} may read, by id, in one query: the rule of
     * {@link #canRead} for a member (a public channel of a team they are on, a private group or direct channel
     * they are in). There is no system admin exception: the names are shown to whoever reads the post they go
     * into (a hook's {@code <#C…>}), not to the admin.
     */
    public Map<String, String> namesReadableBy(String userId, Set<String> channelIds) {
        if (channelIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        for (Object[] row : em.createNamedQuery(Channel.NAMES_READABLE_BY, Object[].class)
                .setParameter("ids", channelIds)
                .setParameter("userId", userId)
                .getResultList()) {
            names.put((String) row[0], (String) row[1]);
        }
        return names;
    }

    public boolean isMember(String channelId, String userId) {
        return em.find(ChannelMember.class, new ChannelMember.Key(channelId, userId)) != null;
    }

    /** The channel, if it exists and the caller may read it; 404 and 403 otherwise. */
    public Channel readable(Caller caller, String channelId) {
        Channel channel = channelId == null ? null : em.find(Channel.class, channelId);
        if (channel == null) {
            throw Errors.channelNotFound();
        }
        requireRead(caller, channel);
        return channel;
    }

    public void requireRead(Caller caller, Channel channel) {
        if (!canRead(caller, channel)) {
            throw Errors.forbidden();
        }
    }

    /**
     * The channel, found by a name the caller typed, if the caller may read it. A private group or direct
     * channel the caller cannot read answers exactly as a missing one (404, same id and message), so
     * names cannot be probed for private channels; a public channel outside the caller's teams stays 403,
     * as in Mattermost, since public channel names are no secret to the team.
     */
    public Channel readableByName(Caller caller, Channel found) {
        if (found == null || (found.type() != ChannelType.O && !canRead(caller, found))) {
            throw Errors.channelNotFound();
        }
        requireRead(caller, found);
        return found;
    }

    /** Archiving a channel or removing someone else from it: system admins and the channel's members, else 403. */
    public void requireManage(Caller caller, Channel channel) {
        if (!caller.systemAdmin() && !isMember(channel.id(), caller.userId())) {
            throw Errors.forbidden();
        }
    }
}
