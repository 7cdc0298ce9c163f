package io.hookline.ejb.channel;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.ejb.user.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Where a hook post goes, by Mattermost's rules (and Slack's {@code channel} habits): no override →
 * the hook's channel; {@code "name"} or {@code "#name"} → that channel in the hook's team;
 * {@code "@username"} → the direct channel of the hook's creator and that user, opened on first use.
 * Then: a locked hook may not leave its channel; archived channels take no posts; the creator must
 * still be allowed to post there — checked on every post, so removing the creator from a private
 * group stops the hook posting into it.
 */
@Stateless
public class ChannelResolver {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ChannelAdmin channels;

    @Inject
    private ChannelAccess access;

    /**
     * Where a hook's post goes, read from the database: the channel id, or the refusal (404, 403, 410). Callers
     * on the hook path ask {@link ResolvedRoutes} first, which calls this only when its answer is out of date.
     */
    public ResolvedRoute resolveRoute(HookRoute route, ChannelOverride requested) {
        try {
            return ResolvedRoute.to(resolve(route, requested).id());
        } catch (HooklineException refused) {
            return ResolvedRoute.refused(refused);
        }
    }

    Channel resolve(HookRoute route, ChannelOverride requested) {
        Channel channel = switch (requested.kind()) {
            case HOOK_CHANNEL -> em.find(Channel.class, route.hookChannelId());
            case USER -> directChannel(route, requested.name());
            case CHANNEL -> namedChannel(route, requested.name());
        };
        if (channel == null) {
            throw ChannelOverride.channelNotFound();
        }
        if (route.channelLocked() && !channel.id().equals(route.hookChannelId())) {
            throw actionProhibited("This webhook is locked to its channel.");
        }
        if (channel.isArchived()) {
            throw new HooklineException(410, "channel_is_archived", "The channel is archived.");
        }
        if (!creatorMayPost(route.creatorId(), channel)) {
            throw actionProhibited("The webhook's creator may not post in this channel.");
        }
        return channel;
    }

    /** {@code name} is already normalised by {@link ChannelOverride}. */
    private Channel namedChannel(HookRoute route, String name) {
        return em.createNamedQuery(Channel.BY_TEAM_AND_NAME, Channel.class)
                .setParameter("teamId", route.teamId())
                .setParameter("name", name)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private Channel directChannel(HookRoute route, String username) {
        User user = em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (user == null || !user.isActive()) {
            throw ChannelOverride.userNotFound();
        }
        if (route.channelLocked()) {
            // A hook's own channel is never a direct channel: nothing to open.
            throw actionProhibited("This webhook is locked to its channel.");
        }
        String channelId = channels.direct(new Caller(route.creatorId(), false), route.creatorId(), user.id())
                .id();
        return em.find(Channel.class, channelId);
    }

    /** The creator must be active and able to read the channel as an ordinary user (admin rights don't carry over). */
    private boolean creatorMayPost(String creatorId, Channel channel) {
        User creator = em.find(User.class, creatorId);
        return creator != null && creator.isActive() && access.canRead(new Caller(creatorId, false), channel);
    }

    private static HooklineException actionProhibited(String message) {
        return HooklineException.forbidden("action_prohibited", message);
    }
}
