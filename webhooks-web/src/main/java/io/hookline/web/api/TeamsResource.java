package io.hookline.web.api;

import io.hookline.api.view.ChannelView;
import io.hookline.ejb.channel.ChannelDirectory;
import io.hookline.web.auth.CallerPrincipal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /api/v4/teams}: teams and the channels found through them. */
@Path("/teams")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TeamsResource {

    @Inject
    private ChannelDirectory channels;

    @GET
    @Path("/name/{team_name}/channels/name/{channel_name}")
    public ChannelView channelByNames(@Context SecurityContext security, @PathParam("team_name") String teamName,
                                      @PathParam("channel_name") String channelName) {
        return channels.byTeamAndChannelName(CallerPrincipal.of(security), teamName, channelName);
    }
}
