package io.hookline.web.api;

import io.hookline.api.view.HookView;
import io.hookline.api.view.NewHookRequest;
import io.hookline.ejb.hook.HookAdmin;
import io.hookline.web.auth.CallerPrincipal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /api/v4/hooks/incoming}: incoming webhooks. */
@Path("/hooks/incoming")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IncomingHooksResource {

    @Inject
    private HookAdmin hooks;

    @POST
    public Response create(@Context SecurityContext security, NewHookRequest request) {
        HookView hook = hooks.create(CallerPrincipal.of(security), request);
        return Response.status(Response.Status.CREATED).entity(hook).build();
    }
}
