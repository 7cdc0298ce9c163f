package io.hookline.web.api;

import io.hookline.api.view.LoginRequest;
import io.hookline.api.view.UserView;
import io.hookline.ejb.user.Authenticator;
import io.hookline.web.auth.BearerTokenFilter;
import io.hookline.web.auth.CallerPrincipal;
import io.hookline.web.auth.PublicEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/** {@code /api/v4/users}: sign-in, sign-out and the current user. */
@Path("/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    private Authenticator authenticator;

    /** Mattermost answers the session token in the {@code Token} header and the user in the body. */
    @POST
    @Path("/login")
    @PublicEndpoint
    public Response login(LoginRequest request) {
        LoginRequest body = request == null ? new LoginRequest(null, null) : request;
        Authenticator.Login login = authenticator.login(body.loginId(), body.password());
        return Response.ok(login.user()).header("Token", login.token()).build();
    }

    @POST
    @Path("/logout")
    public Map<String, String> logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authenticator.logout(BearerTokenFilter.tokenOf(authorization));
        return Map.of("status", "OK");
    }

    @GET
    @Path("/me")
    public UserView me(@Context SecurityContext security) {
        return authenticator.user(CallerPrincipal.of(security).userId());
    }
}
