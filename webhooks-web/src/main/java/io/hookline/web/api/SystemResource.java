package io.hookline.web.api;

import io.hookline.ejb.health.DatabaseHealth;
import io.hookline.web.auth.PublicEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v4/system}: health checks for load balancers and monitoring. Application-scoped with answers made
 * once: a ping costs no bean of its own, no JSON building and no token check (README "Health probes").
 */
@Path("/system")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    @Inject
    private DatabaseHealth database;

    /** Mattermost's ping; the rule is {@link PingAnswer}'s. */
    @GET
    @Path("/ping")
    @PublicEndpoint(anonymous = true)
    public Response ping(@QueryParam("use_rest_semantics") String restSemantics) {
        PingAnswer answer = PingAnswer.of(database.isUp(), restSemantics);
        Response.ResponseBuilder response = Response.status(answer.status).entity(answer.body);
        if (answer.retryAfterSeconds != null) {
            response.header(HttpHeaders.RETRY_AFTER, answer.retryAfterSeconds);
        }
        return response.build();
    }
}
