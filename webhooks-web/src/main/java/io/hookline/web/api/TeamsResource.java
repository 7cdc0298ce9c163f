package io.hookline.web.api;

import io.hookline.api.view.ChannelView;
import io.hookline.api.view.NewTeamRequest;
import io.hookline.api.view.StatusOk;
import io.hookline.api.view.TeamMemberView;
import io.hookline.api.view.TeamView;
import io.hookline.ejb.channel.ChannelDirectory;
import io.hookline.ejb.common.Page;
import io.hookline.ejb.team.TeamAdmin;
import io.hookline.web.auth.CallerPrincipal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** {@code /api/v4/teams}: teams, their members, and the channels found through them. */
@Path("/teams")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamsResource {

    @Inject
    private TeamAdmin teams;

    @Inject
    private ChannelDirectory channels;

    @Context
    private SecurityContext security;

    @POST
    public Response create(NewTeamRequest request) {
        TeamView team = teams.create(CallerPrincipal.of(security), request);
        return Response.status(Response.Status.CREATED).entity(team).build();
    }

    @GET
    public List<TeamView> list(
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("per_page") @DefaultValue("60") int perPage) {
        return teams.list(CallerPrincipal.of(security), Page.of(page, perPage));
    }

    @GET
    @Path("/{team_id}")
    public TeamView get(@PathParam("team_id") String teamId) {
        return teams.get(CallerPrincipal.of(security), teamId);
    }

    @GET
    @Path("/name/{name}")
    public TeamView byName(@PathParam("name") String name) {
        return teams.byName(CallerPrincipal.of(security), name);
    }

    @POST
    @Path("/{team_id}/members")
    public Response addMember(@PathParam("team_id") String teamId, JsonObject body) {
        String userId = body != null && body.get("user_id") instanceof JsonString s ? s.getString() : null;
        TeamMemberView member = teams.addMember(CallerPrincipal.of(security), teamId, userId);
        return Response.status(Response.Status.CREATED).entity(member).build();
    }

    @DELETE
    @Path("/{team_id}/members/{user_id}")
    public StatusOk removeMember(@PathParam("team_id") String teamId, @PathParam("user_id") String userId) {
        teams.removeMember(CallerPrincipal.of(security), teamId, userId);
        return StatusOk.OK;
    }

    @GET
    @Path("/{team_id}/channels")
    public List<ChannelView> publicChannels(
            @PathParam("team_id") String teamId,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("per_page") @DefaultValue("60") int perPage) {
        return channels.publicChannels(CallerPrincipal.of(security), teamId, Page.of(page, perPage));
    }

    @GET
    @Path("/{team_id}/channels/name/{channel_name}")
    public ChannelView channelByName(
            @PathParam("team_id") String teamId, @PathParam("channel_name") String channelName) {
        return channels.byTeamIdAndName(CallerPrincipal.of(security), teamId, channelName);
    }

    @GET
    @Path("/name/{team_name}/channels/name/{channel_name}")
    public ChannelView channelByNames(
            @PathParam("team_name") String teamName, @PathParam("channel_name") String channelName) {
        return channels.byTeamAndChannelName(CallerPrincipal.of(security), teamName, channelName);
    }
}
