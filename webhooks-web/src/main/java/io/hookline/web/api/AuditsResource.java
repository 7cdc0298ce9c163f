package io.hookline.web.api;

import io.hookline.api.view.AuditView;
import io.hookline.ejb.audit.AuditLog;
import io.hookline.ejb.common.Page;
import io.hookline.web.auth.CallerPrincipal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** {@code /api/v4/audits}: the audit log, newest first (system admins), as Mattermost serves it. */
@Path("/audits")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditsResource {

    @Inject
    private AuditLog audits;

    @Context
    private SecurityContext security;

    @GET
    public List<AuditView> list(
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("per_page") @DefaultValue("60") int perPage) {
        return audits.list(CallerPrincipal.of(security), Page.of(page, perPage));
    }
}
