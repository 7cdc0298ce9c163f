package io.hookline.web.hooks;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.hook.HookDestination;
import io.hookline.ejb.ratelimit.HookRateLimiter;
import io.hookline.ejb.ratelimit.RateLimitDecision;
import io.hookline.ejb.settings.Settings;
import jakarta.enterprise.inject.Vetoed;

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
 * filter, the resources and the JAX-RS filter, on Jersey and RESTEasy alike, without request attributes.
 * <p>
 * Cheap by construction, because the bench found it was not: made by {@link HookAnswers}' producer (plain
 * {@code new}), not as a managed bean, since Payara runs its resource-injection scan (every annotation of the class,
 * copied) on each managed-bean instance, once per request here; and each reader makes one call on the request
 * scope's proxy ({@link #outcome()}, {@link #complete}), each of which looks the request context up again.
 */
@Vetoed
public class HookAnswer {

    /** The error id of a refused request (Mattermost answers a bare "limit exceeded"; ours is JSON). */
    public static final String RATE_LIMITED = "too_many_requests";

    private RateLimitDecision limit;
    private HookDestination posted;
    private String deliveryHookId;
    private String errorId = "";
    /** The answer's error id for the metrics, whatever the URL's id; null until a hook resource answered. */
    private String answeredId;

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

    /**
     * How a hook resource answered: with {@code errorId} (empty for none), as one of {@code deliveryHookId}'s
     * deliveries (null when the URL's id cannot be a hook's, so no delivery log keeps it). Returns the rate-limit
     * decision whose headers the answer carries, null when the request never reached the check.
     */
    RateLimitDecision complete(String errorId, String deliveryHookId) {
        this.answeredId = errorId;
        if (deliveryHookId != null) {
            this.deliveryHookId = deliveryHookId;
            this.errorId = errorId;
        }
        return limit;
    }

    /** What the edge logs and counts, read once at the end of the request. */
    Outcome outcome() {
        return new Outcome(deliveryHookId, errorId, answeredId, posted);
    }

    /**
     * What the JAX-RS side knew when the request ended.
     *
     * @param deliveryHookId the hook whose delivery log keeps this answer; null when it keeps none
     * @param errorId the delivery's error id, empty for none
     * @param answeredId the error id a hook resource answered with (empty for none); null when none answered
     * @param posted where the message went, once committed; null otherwise
     */
    record Outcome(String deliveryHookId, String errorId, String answeredId, HookDestination posted) {

        /** A request the JAX-RS side never saw (refused in front of it by {@link HookExchangeFilter}). */
        static final Outcome NONE = new Outcome(null, null, null, null);
    }
}
