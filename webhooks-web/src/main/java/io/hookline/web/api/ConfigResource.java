package io.hookline.web.api;

import io.hookline.ejb.settings.SettingsService;
import io.hookline.web.auth.CallerPrincipal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /api/v4/config}: the run-time settings in Mattermost's config document shape (system admins). */
@Path("/config")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConfigResource {

    @Inject
    private SettingsService settings;

    @Context
    private SecurityContext security;

    @GET
    public JsonObject get() {
        return settings.config(CallerPrincipal.of(security));
    }

    @PUT
    @Path("/patch")
    public JsonObject patch(JsonObject patch) {
        return settings.patch(CallerPrincipal.of(security), patch == null ? JsonObject.EMPTY_JSON_OBJECT : patch);
    }
}
