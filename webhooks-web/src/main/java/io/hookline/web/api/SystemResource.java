package io.hookline.web.api;

import io.hookline.ejb.health.DatabaseHealth;
import io.hookline.web.auth.PublicEndpoint;
import io.hookline.web.error.UnexpectedExceptionMapper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/v4/system}: health checks for load balancers and monitoring. */
@Path("/system")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    static final String OK = "OK";
    static final String UNHEALTHY = "UNHEALTHY";

    @Inject
    private DatabaseHealth database;

    /**
     * Mattermost's ping: {@code {"status":"OK"}}, and the database's state as {@code database_status}
     * (Mattermost adds it only with {@code get_server_status=true}; Hookline always does, the check is one
     * pooled connection at most once a second). Unhealthy answers 503 with {@code Retry-After}, so a load
     * balancer takes the server out (Mattermost answers 500); {@code use_rest_semantics=true} asks for 200
     * whatever the state, as in Mattermost.
     */
    @GET
    @Path("/ping")
    @PublicEndpoint
    public Response ping(@QueryParam("use_rest_semantics") String restSemantics) {
        boolean up = database.isUp();
        JsonObject body = Json.createObjectBuilder()
                .add("status", up ? OK : UNHEALTHY)
                .add("database_status", up ? OK : UNHEALTHY)
                .build();
        if (up || "true".equals(restSemantics)) {
            return Response.ok(body).build();
        }
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .entity(body)
                .header(HttpHeaders.RETRY_AFTER, UnexpectedExceptionMapper.DATABASE_RETRY_AFTER_SECONDS)
                .build();
    }
}
