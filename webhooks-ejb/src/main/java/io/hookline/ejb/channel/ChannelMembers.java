package io.hookline.ejb.channel;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.api.view.ChannelMemberView;
import io.hookline.api.view.UserView;
import io.hookline.ejb.audit.AuditLog;
import io.hookline.ejb.common.Errors;
import io.hookline.ejb.common.Page;
import io.hookline.ejb.team.TeamMember;
import io.hookline.ejb.user.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Who is in a channel. Mattermost's defaults: anyone who can read a public channel adds members to it;
 * a private group's members add to theirs; only a channel's members remove others from it; a user may
 * always leave; admins do anything.
 */
@Stateless
public class ChannelMembers {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ChannelAccess access;

    @Inject
    private AuditLog audit;

    public List<ChannelMemberView> list(Caller caller, String channelId, Page page) {
        access.readable(caller, channelId);
        return page.apply(em.createNamedQuery(ChannelMember.OF_CHANNEL, ChannelMember.class)
                        .setParameter("channelId", channelId))
                .getResultStream()
                .map(ChannelMember::view)
                .toList();
    }

    /** The channel's members as users, by username, for whoever may read the channel (Mattermost's users?in_channel=). */
    public List<UserView> users(Caller caller, String channelId, Page page) {
        access.readable(caller, channelId);
        return page.apply(em.createNamedQuery(ChannelMember.USERS, User.class).setParameter("channelId", channelId))
                .getResultStream()
                .map(User::view)
                .toList();
    }

    public ChannelMemberView add(Caller caller, String channelId, String userId) {
        Channel channel = access.readable(caller, channelId);
        if (channel.type() == ChannelType.D) {
            throw HooklineException.badRequest(
                    "api.channel.add_user_to_channel.type.app_error",
                    "Members cannot be added to a direct message channel.");
        }
        if (channel.isArchived()) {
            throw HooklineException.badRequest(
                    "api.channel.add_user_to_channel.archived.app_error", "The channel is archived.");
        }
        User user = userId == null ? null : em.find(User.class, userId);
        if (user == null) {
            throw Errors.userNotFound();
        }
        TeamMember teamMember = em.find(TeamMember.class, new TeamMember.Key(channel.teamId(), userId));
        if (teamMember == null || !teamMember.isActive()) {
            throw Errors.invalidField("channel_member", "user_id", "the user is not a member of the channel's team.");
        }
        ChannelMember existing = em.find(ChannelMember.class, new ChannelMember.Key(channelId, userId));
        if (existing != null) {
            return existing.view();
        }
        ChannelMember member = new ChannelMember(channelId, userId, System.currentTimeMillis());
        em.persist(member);
        audit.record(
                caller, ChannelAudit.ADD_MEMBER, ChannelAudit.target(channel), ChannelAudit.member(channel, userId));
        return member.view();
    }

    public void remove(Caller caller, String channelId, String userId) {
        Channel channel = channelId == null ? null : em.find(Channel.class, channelId);
        if (channel == null) {
            throw Errors.channelNotFound();
        }
        boolean leaving = caller.userId().equals(userId);
        if (!leaving) {
            access.requireRead(caller, channel);
            access.requireManage(caller, channel);
        }
        if (channel.type() == ChannelType.D) {
            throw HooklineException.badRequest(
                    "api.channel.remove_user_from_channel.type.app_error",
                    "Members cannot be removed from a direct message channel.");
        }
        if (ChannelAdmin.DEFAULT_CHANNEL.equals(channel.name()) && channel.type() == ChannelType.O) {
            throw HooklineException.badRequest(
                    "api.channel.remove.default.app_error",
                    "Unable to remove a user from the default channel " + ChannelAdmin.DEFAULT_CHANNEL + ".");
        }
        ChannelMember member = em.find(ChannelMember.class, new ChannelMember.Key(channelId, userId));
        if (member == null) {
            throw HooklineException.notFound(
                    "app.channel.get_member.missing.app_error", "The user is not a member of the channel.");
        }
        em.remove(member);
        audit.record(
                caller, ChannelAudit.REMOVE_MEMBER, ChannelAudit.target(channel), ChannelAudit.member(channel, userId));
    }
}
