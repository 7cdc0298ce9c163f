package io.hookline.ejb.settings;

import io.hookline.api.error.HooklineException;

/**
 * Mattermost's {@code RateLimitSettings} for {@code POST /hooks/{id}}: token buckets that hold at most
 * {@code maxBurst} requests and refill at {@code perSec} a second. {@code Enable}, {@code PerSec},
 * {@code MaxBurst} and {@code VaryByRemoteAddr} keep Mattermost's names and govern the limit per remote
 * address (applied only while both {@code Enable} and {@code VaryByRemoteAddr} are on); Hookline's
 * {@code PerHookPerSec} and {@code PerHookMaxBurst} govern the limit per hook URL, which is always on.
 * Every bound is a named constant here, enforced by {@link #validate()} for the API and the console alike.
 *
 * <p>The defaults are for enterprise CI rather than Slack's "1 per second, short bursts": one hook may take a
 * whole pipeline's fan-out at once (a burst of {@value #DEFAULT_PER_HOOK_MAX_BURST}) and
 * {@value #DEFAULT_PER_HOOK_PER_SEC} a second after that; one address, which may be a CI farm behind NAT,
 * {@value #DEFAULT_MAX_BURST} at once and {@value #DEFAULT_PER_SEC} a second, so the per-address limit guards
 * against a flood (or a scan of hook ids) without getting in the way of a busy but honest source.
 */
public record RateLimitSettings(
        boolean enable, int perSec, int maxBurst, boolean varyByRemoteAddr, int perHookPerSec, int perHookMaxBurst) {

    /** Smallest refill rate, requests per second (a bucket must refill). */
    public static final int MIN_PER_SEC = 1;
    /** Largest refill rate an admin may set, requests per second: far above what one server commits. */
    public static final int MAX_PER_SEC = 100_000;
    /** Smallest burst: one request at a time. */
    public static final int MIN_MAX_BURST = 1;
    /** Largest burst an admin may set, requests accepted at once from a full bucket. */
    public static final int MAX_MAX_BURST = 1_000_000;

    public static final boolean DEFAULT_ENABLE = true;
    public static final int DEFAULT_PER_SEC = 1000;
    public static final int DEFAULT_MAX_BURST = 2000;
    public static final boolean DEFAULT_VARY_BY_REMOTE_ADDR = true;
    public static final int DEFAULT_PER_HOOK_PER_SEC = 100;
    public static final int DEFAULT_PER_HOOK_MAX_BURST = 500;

    /** What a fresh installation starts with (also the defaults of the V4 migration). */
    public static final RateLimitSettings DEFAULTS = new RateLimitSettings(
            DEFAULT_ENABLE,
            DEFAULT_PER_SEC,
            DEFAULT_MAX_BURST,
            DEFAULT_VARY_BY_REMOTE_ADDR,
            DEFAULT_PER_HOOK_PER_SEC,
            DEFAULT_PER_HOOK_MAX_BURST);

    /** Whether requests are limited per remote address: {@code Enable} and {@code VaryByRemoteAddr}. */
    public boolean perAddressApplies() {
        return enable && varyByRemoteAddr;
    }

    public RateLimitSettings validate() {
        perSecond("RateLimitSettings.PerSec", perSec);
        burst("RateLimitSettings.MaxBurst", maxBurst);
        perSecond("RateLimitSettings.PerHookPerSec", perHookPerSec);
        burst("RateLimitSettings.PerHookMaxBurst", perHookMaxBurst);
        return this;
    }

    private static void perSecond(String name, int value) {
        if (value < MIN_PER_SEC || value > MAX_PER_SEC) {
            throw HooklineException.badRequest(
                    "model.config.is_valid.rate_sec.app_error",
                    name + " must be between " + MIN_PER_SEC + " and " + MAX_PER_SEC + ".");
        }
    }

    private static void burst(String name, int value) {
        if (value < MIN_MAX_BURST || value > MAX_MAX_BURST) {
            throw HooklineException.badRequest(
                    "model.config.is_valid.max_burst.app_error",
                    name + " must be between " + MIN_MAX_BURST + " and " + MAX_MAX_BURST + ".");
        }
    }
}
