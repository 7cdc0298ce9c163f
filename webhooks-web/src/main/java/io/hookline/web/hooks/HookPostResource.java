package io.hookline.web.hooks;

import io.hookline.api.view.PostView;
import io.hookline.ejb.hook.HookDestination;
import io.hookline.ejb.hook.HookPostEditor;
import io.hookline.ejb.ratelimit.HookRateLimiter;
import io.hookline.ejb.settings.CurrentSettings;
import io.hookline.ejb.settings.Settings;
import io.hookline.web.live.PostsCommitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/**
 * {@code GET}, {@code PATCH} and {@code DELETE /hooks/{id}/posts/{post_id}}: a hook reads, edits or deletes a
 * post it created (Discord's model: the hook URL is the credential). As for a new post: the rate limit first,
 * the body read up to MaximumPayloadSizeBytes and parsed by the same parser, every answer in the hook's
 * delivery log ({@link HookExchangeFilter}, with the post's id), and open channel views told once the change is
 * committed ({@link PostsCommitted}). A read answers the post; an edit answers the edited post; a delete
 * answers Mattermost's {@code DELETE /api/v4/posts/{post_id}} answer, 200 {@code {"status":"OK"}}.
 */
@Path("{id}/posts/{post_id}")
@ApplicationScoped
public class HookPostResource {

    /** Written as a string so both JAX-RS runtimes send the same bytes. */
    static final String STATUS_OK = "{\"status\":\"OK\"}";

    @Inject
    private HookPostEditor editor;

    @Inject
    private CurrentSettings settings;

    @Inject
    private Event<PostsCommitted> committed;

    @Inject
    private HookRateLimiter limiter;

    @Inject
    private HookAnswer answer;

    @GET
    @RecordsDelivery
    public Response read(
            @PathParam("id") String hookId, @PathParam("post_id") String postId, @Context HttpServletRequest request) {
        answer.requireAllowed(limiter, settings.get(), hookId, request.getRemoteAddr());
        PostView post = editor.read(hookId, postId);
        return json(PostJson.of(post).toString());
    }

    @PATCH
    @RecordsDelivery
    public Response edit(
            @PathParam("id") String hookId,
            @PathParam("post_id") String postId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context HttpServletRequest request,
            InputStream body) {
        Settings current = settings.get();
        answer.requireAllowed(limiter, current, hookId, request.getRemoteAddr());
        var payload =
                HookBodyParser.parse(contentType, HookResource.readCapped(body, current.maximumPayloadSizeBytes()));
        PostView edited = editor.edit(hookId, postId, payload);
        changed(edited.channelId(), postId);
        return json(PostJson.of(edited).toString());
    }

    @DELETE
    @RecordsDelivery
    public Response delete(
            @PathParam("id") String hookId, @PathParam("post_id") String postId, @Context HttpServletRequest request) {
        answer.requireAllowed(limiter, settings.get(), hookId, request.getRemoteAddr());
        String channelId = editor.delete(hookId, postId);
        changed(channelId, postId);
        return json(STATUS_OK);
    }

    /** Committed by now: the delivery log names the post, and the channel's open views redraw or drop it. */
    private void changed(String channelId, String postId) {
        answer.posted(new HookDestination(channelId, List.of(postId)));
        committed.fire(new PostsCommitted(channelId, List.of(postId)));
    }

    private static Response json(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
