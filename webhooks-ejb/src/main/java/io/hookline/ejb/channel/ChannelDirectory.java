package io.hookline.ejb.channel;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.api.view.ChannelView;
import io.hookline.ejb.team.Team;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Finds channels by the names people use for them. */
@Stateless
public class ChannelDirectory {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ChannelAccess access;

    public ChannelView byTeamAndChannelName(Caller caller, String teamName, String channelName) {
        Team team = em.createNamedQuery(Team.BY_NAME, Team.class)
                .setParameter("name", teamName)
                .getResultStream().findFirst()
                .orElseThrow(() -> HooklineException.notFound("app.team.get_by_name.missing.app_error",
                        "Unable to find the existing team."));
        Channel channel = em.createNamedQuery(Channel.BY_TEAM_AND_NAME, Channel.class)
                .setParameter("teamId", team.id())
                .setParameter("name", channelName)
                .getResultStream().findFirst()
                .orElseThrow(ChannelErrors::notFound);
        access.requireRead(caller, channel);
        return channel.view();
    }
}
