package io.hookline.web.hooks;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.hook.HookDestination;
import io.hookline.ejb.ratelimit.HookRateLimiter;
import io.hookline.ejb.ratelimit.RateLimitDecision;
import io.hookline.ejb.settings.Settings;
import jakarta.enterprise.context.RequestScoped;

/**
 * What the JAX-RS side of one {@code /hooks} request knows about its answer, for the edge that sends and logs it:
 * the rate-limit decision (its headers go on every answer after the check, {@link HookAnswerFilter}), the posts
 * the request became once committed, and, for an answer the delivery log keeps, the hook and the error id. The
 * resources fill it, {@link HookAnswerFilter} completes it, and {@link HookExchangeFilter} reads it once at the
 * end for its one {@link HookExchange} record.
 * <p>
 * Why a request-scoped bean: an error after the rate-limit check is an exception that a shared mapper turns into
 * the answer, so the decision cannot travel in a Response the resource builds; and the servlet filter that
 * observes the request never sees the JAX-RS entity. This one object is reached the same way by the servlet
 * filter, the resources and the JAX-RS filter, on Jersey and RESTEasy alike, without request attributes; it
 * holds four fields and injects nothing, so it costs one small allocation per hook request, about what the four
 * request attributes it replaces cost.
 */
@RequestScoped
public class HookAnswer {

    /** The error id of a refused request (Mattermost answers a bare "limit exceeded"; ours is JSON). */
    public static final String RATE_LIMITED = "too_many_requests";

    private RateLimitDecision limit;
    private HookDestination posted;
    private String deliveryHookId;
    private String errorId = "";

    /**
     * Every request through a hook URL (a new post, a read, an edit, a delete), first of all, before its body is
     * read and before any database work, so a refused request costs little: keeps the decision for the headers
     * and refuses with 429 {@value #RATE_LIMITED} when the hook's or the address's bucket is empty.
     */
    void requireAllowed(HookRateLimiter limiter, Settings current, String hookId, String remoteAddress) {
        RateLimitDecision checked = limiter.check(current.rateLimits(), hookId, remoteAddress);
        limit = checked;
        if (!checked.allowed()) {
            throw new HooklineException(
                    429,
                    RATE_LIMITED,
                    "Too many requests for this hook or from this address; " + "retry after "
                            + checked.retryAfterSeconds() + " s.");
        }
    }

    /** Where the message went, once committed (an answer that fails after the commit still names the posts). */
    void posted(HookDestination delivery) {
        posted = delivery;
    }

    /** The answer is one of {@code hookId}'s deliveries, refused with {@code errorId} (empty for none). */
    void delivered(String hookId, String errorId) {
        this.deliveryHookId = hookId;
        this.errorId = errorId;
    }

    /** The rate-limit check's decision; null when the request never reached it. */
    RateLimitDecision limit() {
        return limit;
    }

    HookDestination posted() {
        return posted;
    }

    /** The hook whose delivery log keeps this answer; null when it keeps none. */
    String deliveryHookId() {
        return deliveryHookId;
    }

    String errorId() {
        return errorId;
    }
}
