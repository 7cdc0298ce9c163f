package io.hookline.web.api;

import io.hookline.api.view.HookDeliveryView;
import io.hookline.api.view.HookView;
import io.hookline.api.view.NewHookRequest;
import io.hookline.api.view.PreviousUrlView;
import io.hookline.api.view.StatusOk;
import io.hookline.ejb.common.Page;
import io.hookline.ejb.hook.HookAdmin;
import io.hookline.ejb.hook.RotationGrace;
import io.hookline.web.api.body.OptionalBody;
import io.hookline.web.auth.CallerPrincipal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** {@code /api/v4/hooks/incoming}: incoming webhooks. */
@Path("/hooks/incoming")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncomingHooksResource {

    @Inject
    private HookAdmin hooks;

    @Context
    private SecurityContext security;

    @POST
    public Response create(NewHookRequest request) {
        HookView hook = hooks.create(CallerPrincipal.of(security), request);
        return Response.status(Response.Status.CREATED).entity(hook).build();
    }

    @GET
    public List<HookView> list(
            @QueryParam("team_id") String teamId,
            @QueryParam("channel_id") String channelId,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("per_page") @DefaultValue("60") int perPage) {
        return hooks.list(CallerPrincipal.of(security), teamId, channelId, Page.of(page, perPage));
    }

    @GET
    @Path("/{hook_id}")
    public HookView get(@PathParam("hook_id") String hookId) {
        return hooks.get(CallerPrincipal.of(security), hookId);
    }

    @PUT
    @Path("/{hook_id}")
    public HookView update(@PathParam("hook_id") String hookId, NewHookRequest request) {
        return hooks.update(CallerPrincipal.of(security), hookId, request);
    }

    /**
     * A new secret URL for the hook: the old one is refused (404) from the commit on, on every server, and the
     * delivery log moves to the new one. The console's "Regenerate URL"; beyond Mattermost, whose API regenerates
     * only outgoing hooks' tokens, at this same path shape. For the hook's creator and system admins.
     */
    @POST
    @Path("/{hook_id}/regen_token")
    public HookView regenerate(@PathParam("hook_id") String hookId) {
        return hooks.regenerate(CallerPrincipal.of(security), hookId);
    }

    /**
     * A new secret URL while the old one keeps posting for {@code grace_seconds} (optional body
     * {@code {"grace_seconds": N}}, default a day, at most 30 days; beyond Mattermost, issue 18). Answers the hook
     * as {@code regen_token} does, with {@code previous_id_expires_at}. Rotating again ends the older previous id
     * at once; {@code regen_token} ends it too. For the hook's creator and system admins.
     */
    @POST
    @Path("/{hook_id}/rotate")
    public HookView rotate(@PathParam("hook_id") String hookId, @OptionalBody String body) {
        long grace = RotationGrace.fromBody(body);
        return hooks.rotate(CallerPrincipal.of(security), hookId, grace).hook();
    }

    /** The previous URL's expiry and the senders still using it, from the delivery log; 404 when there is none. */
    @GET
    @Path("/{hook_id}/previous")
    public PreviousUrlView previous(@PathParam("hook_id") String hookId) {
        return hooks.previousUrl(CallerPrincipal.of(security), hookId);
    }

    /** "Revoke old URL now": the previous URL stops at once; answers the hook. 404 when there is none. */
    @DELETE
    @Path("/{hook_id}/previous")
    public HookView revokePrevious(@PathParam("hook_id") String hookId) {
        return hooks.revokePrevious(CallerPrincipal.of(security), hookId);
    }

    /** The hook's delivery log, newest first (beyond Mattermost): for its creator and system admins. */
    @GET
    @Path("/{hook_id}/deliveries")
    public List<HookDeliveryView> deliveries(
            @PathParam("hook_id") String hookId,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("per_page") @DefaultValue("60") int perPage) {
        return hooks.deliveries(CallerPrincipal.of(security), hookId, Page.of(page, perPage));
    }

    @DELETE
    @Path("/{hook_id}")
    public StatusOk delete(@PathParam("hook_id") String hookId) {
        hooks.delete(CallerPrincipal.of(security), hookId);
        return StatusOk.OK;
    }
}
