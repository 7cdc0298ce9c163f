package io.hookline.web.auth;

import io.hookline.api.auth.Caller;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The authenticated caller of an /api/v4 request, as a JAX-RS principal. */
public record CallerPrincipal(Caller caller) implements Principal {

    @Override
    public String getName() {
        return caller.userId();
    }

    /** The caller of a request that passed {@link BearerTokenFilter}. */
    public static Caller of(SecurityContext context) {
        return ((CallerPrincipal) context.getUserPrincipal()).caller();
    }

    /** The caller of a {@link PublicEndpoint} request, or null when it came without a valid token. */
    public static Caller ifAny(SecurityContext context) {
        return context.getUserPrincipal() instanceof CallerPrincipal p ? p.caller() : null;
    }
}
