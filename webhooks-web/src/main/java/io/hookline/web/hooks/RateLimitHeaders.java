package io.hookline.web.hooks;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.ratelimit.HookRateLimiter;
import io.hookline.ejb.ratelimit.RateLimitDecision;
import io.hookline.ejb.settings.Settings;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Puts the rate-limit headers ({@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Reset}, and
 * {@code Retry-After} on a 429) on every {@code /hooks} answer whose request was checked, the {@code ok}
 * and the errors after the check alike. {@link HookResource} leaves its decision in a request attribute.
 */
@Provider
public class RateLimitHeaders implements ContainerResponseFilter {

    /** The error id of a refused request (Mattermost answers a bare "limit exceeded"; ours is JSON). */
    public static final String ERROR_ID = "too_many_requests";

    static final String ATTRIBUTE = RateLimitHeaders.class.getName();

    static void remember(ServletRequest request, RateLimitDecision decision) {
        request.setAttribute(ATTRIBUTE, decision);
    }

    /**
     * Every request through a hook URL (a new post, a read, an edit, a delete), first of all, before its body is
     * read and before any database work, so a refused request costs little: remembers the decision for the
     * headers and refuses with 429 {@value #ERROR_ID} when the hook's or the address's bucket is empty.
     */
    static void requireAllowed(HookRateLimiter limiter, Settings current, String hookId, HttpServletRequest request) {
        RateLimitDecision limit = limiter.check(current.rateLimits(), hookId, request.getRemoteAddr());
        remember(request, limit);
        if (!limit.allowed()) {
            throw new HooklineException(429, ERROR_ID, "Too many requests for this hook or from this address; "
                    + "retry after " + limit.retryAfterSeconds() + " s.");
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ATTRIBUTE) instanceof RateLimitDecision decision) {
            for (Map.Entry<String, String> header : decision.headers().entrySet()) {
                response.getHeaders().putSingle(header.getKey(), header.getValue());
            }
        }
    }
}
