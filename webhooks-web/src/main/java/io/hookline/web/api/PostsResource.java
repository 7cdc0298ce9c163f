package io.hookline.web.api;

import io.hookline.api.view.PostView;
import io.hookline.ejb.post.ChannelPosts;
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

/** {@code /api/v4/posts}: single posts. */
@Path("/posts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PostsResource {

    @Inject
    private ChannelPosts posts;

    @Context
    private SecurityContext security;

    @GET
    @Path("/{post_id}")
    public PostView get(@PathParam("post_id") String postId) {
        return posts.get(CallerPrincipal.of(security), postId);
    }
}
