package io.hookline.web.api;

import io.hookline.api.error.HooklineException;
import io.hookline.api.view.ChannelMemberView;
import io.hookline.api.view.ChannelView;
import io.hookline.api.view.NewChannelRequest;
import io.hookline.api.view.PostList;
import io.hookline.api.view.StatusOk;
import io.hookline.ejb.channel.ChannelAdmin;
import io.hookline.ejb.channel.ChannelDirectory;
import io.hookline.ejb.channel.ChannelMembers;
import io.hookline.ejb.common.Page;
import io.hookline.ejb.post.ChannelPosts;
import io.hookline.web.auth.CallerPrincipal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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

/** {@code /api/v4/channels}: channels, their members and their posts. */
@Path("/channels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChannelsResource {

    @Inject
    private ChannelAdmin admin;

    @Inject
    private ChannelDirectory directory;

    @Inject
    private ChannelMembers members;

    @Inject
    private ChannelPosts posts;

    @Context
    private SecurityContext security;

    @POST
    public Response create(NewChannelRequest request) {
        ChannelView channel = admin.create(CallerPrincipal.of(security), request);
        return Response.status(Response.Status.CREATED).entity(channel).build();
    }

    /** Body: a JSON array of exactly two user ids. */
    @POST
    @Path("/direct")
    public Response direct(JsonArray userIds) {
        if (userIds == null
                || userIds.size() != 2
                || userIds.stream().anyMatch(v -> v.getValueType() != JsonValue.ValueType.STRING)) {
            throw HooklineException.badRequest(
                    "api.context.invalid_body_param.app_error",
                    "Invalid user_ids: send a JSON array of exactly two user ids.");
        }
        ChannelView channel = admin.direct(CallerPrincipal.of(security), userIds.getString(0), userIds.getString(1));
        return Response.status(Response.Status.CREATED).entity(channel).build();
    }

    @GET
    @Path("/{channel_id}")
    public ChannelView get(@PathParam("channel_id") String channelId) {
        return directory.get(CallerPrincipal.of(security), channelId);
    }

    @DELETE
    @Path("/{channel_id}")
    public StatusOk archive(@PathParam("channel_id") String channelId) {
        admin.archive(CallerPrincipal.of(security), channelId);
        return StatusOk.OK;
    }

    @POST
    @Path("/{channel_id}/restore")
    public ChannelView restore(@PathParam("channel_id") String channelId) {
        return admin.restore(CallerPrincipal.of(security), channelId);
    }

    @GET
    @Path("/{channel_id}/members")
    public List<ChannelMemberView> members(
            @PathParam("channel_id") String channelId,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("per_page") @DefaultValue("60") int perPage) {
        return members.list(CallerPrincipal.of(security), channelId, Page.of(page, perPage));
    }

    @POST
    @Path("/{channel_id}/members")
    public Response addMember(@PathParam("channel_id") String channelId, JsonObject body) {
        String userId = body != null && body.get("user_id") instanceof JsonString s ? s.getString() : null;
        ChannelMemberView member = members.add(CallerPrincipal.of(security), channelId, userId);
        return Response.status(Response.Status.CREATED).entity(member).build();
    }

    @DELETE
    @Path("/{channel_id}/members/{user_id}")
    public StatusOk removeMember(@PathParam("channel_id") String channelId, @PathParam("user_id") String userId) {
        members.remove(CallerPrincipal.of(security), channelId, userId);
        return StatusOk.OK;
    }

    @GET
    @Path("/{channel_id}/posts")
    public PostList posts(
            @PathParam("channel_id") String channelId,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("per_page") @DefaultValue("60") int perPage,
            @QueryParam("since") @DefaultValue("0") long since) {
        return posts.page(CallerPrincipal.of(security), channelId, Page.of(page, perPage), since);
    }
}
