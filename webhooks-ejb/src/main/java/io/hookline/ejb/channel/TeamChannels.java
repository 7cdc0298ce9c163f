package io.hookline.ejb.channel;

import io.hookline.ejb.lookup.LookupChangeListener;
import io.hookline.ejb.team.TeamCreated;
import io.hookline.ejb.team.TeamJoined;
import io.hookline.ejb.team.TeamLeft;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A team's channels as its membership changes, observed synchronously in the team's own transaction: a new
 * team gets Mattermost's two default public channels, a member joins them, and one who leaves the team
 * leaves all of its channels.
 */
@Stateless
public class TeamChannels {

    /** Mattermost's default channels of a new team: name and display name. */
    private static final String[][] DEFAULT_CHANNELS = {{"town-square", "Town Square"}, {"off-topic", "Off-Topic"}};

    @PersistenceContext
    private EntityManager em;

    public void created(@Observes TeamCreated created) {
        for (String[] channel : DEFAULT_CHANNELS) {
            em.persist(new Channel(
                    created.teamId(), ChannelType.O, channel[0], channel[1], created.creatorId(), created.at()));
        }
        em.flush();
        joinDefaultChannels(created.teamId(), created.creatorId(), created.at());
    }

    public void joined(@Observes TeamJoined joined) {
        joinDefaultChannels(joined.teamId(), joined.userId(), joined.at());
    }

    public void left(@Observes TeamLeft left) {
        em.createQuery("DELETE FROM ChannelMember m WHERE m.userId = :userId"
                        + " AND m.channelId IN (SELECT c.id FROM Channel c WHERE c.teamId = :teamId)")
                .setParameter("userId", left.userId())
                .setParameter("teamId", left.teamId())
                .executeUpdate();
        // A bulk delete runs no entity callback: hook routes cached for this user's posts must go.
        LookupChangeListener.afterThisTransaction();
    }

    private void joinDefaultChannels(String teamId, String userId, long now) {
        for (String[] channel : DEFAULT_CHANNELS) {
            em.createNamedQuery(Channel.BY_TEAM_AND_NAME, Channel.class)
                    .setParameter("teamId", teamId)
                    .setParameter("name", channel[0])
                    .getResultStream()
                    .findFirst()
                    .filter(c -> em.find(ChannelMember.class, new ChannelMember.Key(c.id(), userId)) == null)
                    .ifPresent(c -> em.persist(new ChannelMember(c.id(), userId, now)));
        }
    }
}
