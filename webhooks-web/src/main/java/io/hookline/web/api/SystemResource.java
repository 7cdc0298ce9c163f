package io.hookline.web.api;

import io.hookline.api.view.StatusOk;
import io.hookline.web.auth.PublicEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/v4/system}: health checks for load balancers and monitoring. */
@Path("/system")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    @GET
    @Path("/ping")
    @PublicEndpoint
    public StatusOk ping() {
        return StatusOk.OK;
    }
}
