package io.hookline.web.hooks;

import io.hookline.api.error.ApiError;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.ratelimit.RateLimitDecision;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * The JAX-RS half of a hook answer, bound by {@link RecordsDelivery} to {@link HookResource#post} and
 * {@link HookPostResource}'s methods (the {@code ok} and every error the exception mappers produce): puts the
 * rate-limit headers ({@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Reset}, and {@code Retry-After} on a
 * 429) on the answer of every request that was checked, and tells {@link HookAnswer} which hook's delivery log
 * keeps the answer and its error id, which only the JAX-RS entity shows. {@link HookExchangeFilter} logs it.
 */
@Provider
@RecordsDelivery
public class HookAnswerFilter implements ContainerResponseFilter {

    /**
     * The error id logged for a replayed answer ({@code Idempotent-Replayed: true}): its status is the first
     * answer's, it stored nothing, and this id tells it from the request that did.
     */
    static final String REPLAYED_ID = "idempotent_replay";

    @Inject
    private HookAnswer answer;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String errorId = errorId(
                response.getEntity(), "true".equals(response.getHeaderString(IdempotentRequests.REPLAYED_HEADER)));
        String hookId = request.getUriInfo().getPathParameters().getFirst("id");
        // An id that cannot be a hook's has no log to go to.
        RateLimitDecision limit = answer.complete(errorId, Ids.isWellFormed(hookId) ? hookId : null);
        if (limit != null) {
            for (Map.Entry<String, String> header : limit.headers().entrySet()) {
                response.getHeaders().putSingle(header.getKey(), header.getValue());
            }
        }
    }

    /** The error body's id; {@link #REPLAYED_ID} for a replay; empty otherwise. */
    static String errorId(Object entity, boolean replayed) {
        if (replayed) {
            return REPLAYED_ID;
        }
        return entity instanceof ApiError error ? error.id() : "";
    }
}
