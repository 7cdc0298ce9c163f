package io.hookline.ejb.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What {@link HookRateLimiter} reports to {@code GET /metrics}: refusals by the bucket that refused, and checks
 * the store could not make (the request passed: fail open). */
final class RateLimitMeters {

    private static final String REFUSALS = "hookline.rate.limit.refusals";
    private static final String BUCKET = "bucket";

    private final Counter byAddress;
    private final Counter byHook;
    private final Counter unchecked;

    RateLimitMeters(MeterRegistry registry) {
        byAddress = Counter.builder(REFUSALS)
                .description("Hook requests refused with 429, by the bucket that was empty")
                .tag(BUCKET, "address")
                .register(registry);
        byHook = Counter.builder(REFUSALS)
                .description("Hook requests refused with 429, by the bucket that was empty")
                .tag(BUCKET, "hook")
                .register(registry);
        unchecked = Counter.builder("hookline.rate.limit.unchecked")
                .description("Hook requests let through unchecked because the rate-limit store failed")
                .register(registry);
    }

    void refusedByAddress() {
        byAddress.increment();
    }

    void refusedByHook() {
        byHook.increment();
    }

    void unchecked() {
        unchecked.increment();
    }
}
