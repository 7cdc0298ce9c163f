package io.hookline.web.hooks;

import io.hookline.ejb.ratelimit.RateLimitDecision;
import jakarta.servlet.ServletRequest;
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

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ATTRIBUTE) instanceof RateLimitDecision decision) {
            for (Map.Entry<String, String> header : decision.headers().entrySet()) {
                response.getHeaders().putSingle(header.getKey(), header.getValue());
            }
        }
    }
}
