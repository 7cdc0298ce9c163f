package io.hookline.web.api;

import io.hookline.api.view.LoginRequest;
import io.hookline.api.view.NewUserRequest;
import io.hookline.api.view.StatusOk;
import io.hookline.api.view.TokenView;
import io.hookline.api.view.UserView;
import io.hookline.ejb.user.AccessTokens;
import io.hookline.ejb.user.Authenticator;
import io.hookline.ejb.user.UserAdmin;
import io.hookline.web.auth.BearerTokenFilter;
import io.hookline.web.auth.CallerPrincipal;
import io.hookline.web.auth.PublicEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** {@code /api/v4/users}: sign-in and sign-out, users, personal access tokens. */
@Path("/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    private Authenticator authenticator;

    @Inject
    private UserAdmin users;

    @Inject
    private AccessTokens tokens;

    @Context
    private SecurityContext security;

    @Context
    private HttpServletRequest servletRequest;

    /**
     * Mattermost answers the session token in the {@code Token} header and the user in the body. Refused with
     * 429 and {@code Retry-After} past the per-address limit, with 401 {@link Authenticator#TOO_MANY_ATTEMPTS}
     * while the account is locked.
     */
    @POST
    @Path("/login")
    @PublicEndpoint
    public Response login(LoginRequest request) {
        LoginRequest body = request == null ? new LoginRequest(null, null) : request;
        Authenticator.Login login =
                authenticator.login(body.loginId(), body.password(), servletRequest.getRemoteAddr());
        return Response.ok(login.user()).header("Token", login.token()).build();
    }

    @POST
    @Path("/logout")
    public StatusOk logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authenticator.logout(BearerTokenFilter.tokenOf(authorization));
        return StatusOk.OK;
    }

    /** Public so that open sign-up works without a token; the service decides who may create users. */
    @POST
    @PublicEndpoint
    public Response create(NewUserRequest request) {
        UserView user = users.create(CallerPrincipal.ifAny(security), request);
        return Response.status(Response.Status.CREATED).entity(user).build();
    }

    @GET
    @Path("/me")
    public UserView me() {
        return users.get(CallerPrincipal.of(security).userId());
    }

    @GET
    @Path("/{user_id}")
    public UserView get(@PathParam("user_id") String userId) {
        return users.get(userId);
    }

    @GET
    @Path("/username/{username}")
    public UserView byUsername(@PathParam("username") String username) {
        return users.byUsername(username);
    }

    @DELETE
    @Path("/{user_id}")
    public StatusOk deactivate(@PathParam("user_id") String userId) {
        users.deactivate(CallerPrincipal.of(security), userId);
        return StatusOk.OK;
    }

    /** Mattermost's role update (system admins only): {@code {"roles": "system_user"}} demotes an admin. */
    @PUT
    @Path("/{user_id}/roles")
    public StatusOk updateRoles(@PathParam("user_id") String userId, JsonObject body) {
        users.updateRoles(CallerPrincipal.of(security), userId, stringField(body, "roles"));
        return StatusOk.OK;
    }

    /**
     * Mattermost's password update, here for system admins setting someone's password (the console's reset):
     * {@code {"new_password": "..."}}. Ends the user's sessions and lifts a sign-in lock.
     */
    @PUT
    @Path("/{user_id}/password")
    public StatusOk updatePassword(@PathParam("user_id") String userId, JsonObject body) {
        users.resetPassword(CallerPrincipal.of(security), userId, stringField(body, "new_password"));
        return StatusOk.OK;
    }

    @POST
    @Path("/{user_id}/tokens")
    public TokenView createToken(@PathParam("user_id") String userId, JsonObject body) {
        return tokens.create(CallerPrincipal.of(security), userId, stringField(body, "description"));
    }

    @GET
    @Path("/{user_id}/tokens")
    public List<TokenView> listTokens(@PathParam("user_id") String userId) {
        return tokens.list(CallerPrincipal.of(security), userId);
    }

    @POST
    @Path("/tokens/revoke")
    public StatusOk revokeToken(JsonObject body) {
        tokens.revoke(CallerPrincipal.of(security), stringField(body, "token_id"));
        return StatusOk.OK;
    }

    private static String stringField(JsonObject body, String name) {
        return body != null && body.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
