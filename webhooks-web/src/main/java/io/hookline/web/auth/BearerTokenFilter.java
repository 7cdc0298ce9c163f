package io.hookline.web.auth;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.ejb.user.Authenticator;
import io.hookline.ejb.user.Roles;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * Authenticates /api/v4 requests the way Mattermost clients send credentials:
 * {@code Authorization: Bearer <token>} (or {@code Token <token>}). Unless the method is a
 * {@link PublicEndpoint}, a missing or bad token ends the request with 401.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    @Context
    private ResourceInfo resource;

    @Context
    private HttpServletRequest servletRequest;

    @Inject
    private Authenticator authenticator;

    @Override
    public void filter(ContainerRequestContext request) {
        String token = tokenOf(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        PublicEndpoint publicEndpoint = publicEndpoint();
        if (publicEndpoint != null) {
            if (publicEndpoint.anonymous()) {
                return;
            }
            // Public endpoints still learn who calls when a valid token comes along (POST /users by an admin).
            if (token != null) {
                try {
                    authenticateAs(request, authenticated(token));
                } catch (HooklineException staleToken) {
                    // anonymous, then
                }
            }
            return;
        }
        if (token == null) {
            throw HooklineException.unauthorized(
                    "api.context.session_expired.app_error", "Invalid or expired session, please login again.");
        }
        authenticateAs(request, authenticated(token));
    }

    /** The token's owner, calling from the request's address (the audit log records it). */
    private Caller authenticated(String token) {
        return authenticator.authenticate(token).from(servletRequest.getRemoteAddr());
    }

    private static void authenticateAs(ContainerRequestContext request, Caller caller) {
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return new CallerPrincipal(caller);
            }

            @Override
            public boolean isUserInRole(String role) {
                return Roles.SYSTEM_ADMIN.equals(role) && caller.systemAdmin();
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }

    /** The token after "Bearer " or "Token " (scheme in any letter case), or null. */
    public static String tokenOf(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        for (String scheme : new String[] {"bearer ", "token "}) {
            if (value.regionMatches(true, 0, scheme, 0, scheme.length())) {
                String token = value.substring(scheme.length()).trim();
                return token.isEmpty() ? null : token;
            }
        }
        return null;
    }

    /** The method's (or else its class's) {@link PublicEndpoint}, or null when it needs a token. */
    private PublicEndpoint publicEndpoint() {
        if (resource.getResourceMethod() == null) {
            return null;
        }
        PublicEndpoint onMethod = resource.getResourceMethod().getAnnotation(PublicEndpoint.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(PublicEndpoint.class);
    }
}
