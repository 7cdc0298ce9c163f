package io.hookline.ejb.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@link HookRateLimiter} for one request: whether it may proceed and what to tell the client,
 * from the bucket that limits it most. Header values are whole seconds, rounded up:
 * <ul>
 * <li>{@code X-RateLimit-Limit}: the bucket's size (MaxBurst), requests accepted at once from a full bucket;</li>
 * <li>{@code X-RateLimit-Remaining}: requests left in it right now;</li>
 * <li>{@code X-RateLimit-Reset}: seconds until it is full again (relative, as Mattermost sends it);</li>
 * <li>{@code Retry-After}: only when refused, seconds until the next request can pass (at least 1).</li>
 * </ul>
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long nanosToReset, long nanosToRetry) {

    public static final String LIMIT = "X-RateLimit-Limit";
    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String RESET = "X-RateLimit-Reset";
    public static final String RETRY_AFTER = "Retry-After";

    /**
     * No bucket could answer (a failure inside this JVM; the grid's failures are decided by this server's own
     * buckets instead): the request passes (fail open, as Mattermost does) and no header is sent.
     */
    public static final RateLimitDecision NOT_CHECKED = new RateLimitDecision(true, -1, -1, -1, -1);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public long resetSeconds() {
        return ceilSeconds(nanosToReset);
    }

    public long retryAfterSeconds() {
        return Math.max(1, ceilSeconds(nanosToRetry));
    }

    /** The headers for the answer, in a stable order; none for {@link #NOT_CHECKED}. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (limit < 0) {
            return headers;
        }
        headers.put(LIMIT, Long.toString(limit));
        headers.put(REMAINING, Long.toString(remaining));
        headers.put(RESET, Long.toString(resetSeconds()));
        if (!allowed) {
            headers.put(RETRY_AFTER, Long.toString(retryAfterSeconds()));
        }
        return headers;
    }

    private static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    }
}
