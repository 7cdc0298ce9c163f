package io.hookline.web.api;

import io.hookline.api.view.PostList;
import io.hookline.ejb.post.ChannelPosts;
import io.hookline.web.auth.CallerPrincipal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /api/v4/channels}: channels and their posts. */
@Path("/channels")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChannelsResource {

    @Inject
    private ChannelPosts posts;

    @GET
    @Path("/{channel_id}/posts")
    public PostList posts(@Context SecurityContext security, @PathParam("channel_id") String channelId,
                          @QueryParam("page") @DefaultValue("0") int page,
                          @QueryParam("per_page") @DefaultValue("60") int perPage,
                          @QueryParam("since") @DefaultValue("0") long since) {
        return posts.page(CallerPrincipal.of(security), channelId, page, perPage, since);
    }
}
