package io.hookline.ejb.settings;

import io.hookline.api.error.HooklineException;

/**
 * An immutable snapshot of the run-time settings, with their limits. {@code hookDeliveryLogSize} is how many
 * deliveries the delivery log keeps per hook (0: no log). Each limit is a named constant;
 * {@link #validate()} enforces them for every change, whichever edge it came from.
 */
public record Settings(boolean enableIncomingWebhooks, boolean enablePostUsernameOverride,
                       boolean enablePostIconOverride, int maxPostSize, int maximumPayloadSizeBytes,
                       boolean enableOpenServer, RateLimitSettings rateLimits, int hookDeliveryLogSize) {

    /** Mattermost's largest post, in characters (runes); the spec's default is 4000. */
    public static final int MAX_POST_SIZE_LIMIT = 16_383;
    /** Smallest sensible hook body cap: room for a short JSON message. */
    public static final int MIN_PAYLOAD_BYTES = 64;
    /** Largest hook body cap an admin may set (Mattermost's props cap is about 800 kB; allow headroom). */
    public static final int MAX_PAYLOAD_BYTES_LIMIT = 10 * 1024 * 1024;
    /** Deliveries kept per hook by default (also the V6 migration's): a failing integration's recent pattern. */
    public static final int DEFAULT_HOOK_DELIVERY_LOG_SIZE = 100;
    /** No delivery log at all. */
    public static final int MIN_HOOK_DELIVERY_LOG_SIZE = 0;
    /** Most deliveries kept per hook, so the log stays a small table (at most this many rows per hook). */
    public static final int MAX_HOOK_DELIVERY_LOG_SIZE = 10_000;

    public Settings validate() {
        if (maxPostSize < 1 || maxPostSize > MAX_POST_SIZE_LIMIT) {
            throw HooklineException.badRequest("model.config.is_valid.max_post_size.app_error",
                    "MaxPostSize must be between 1 and " + MAX_POST_SIZE_LIMIT + ".");
        }
        if (maximumPayloadSizeBytes < MIN_PAYLOAD_BYTES || maximumPayloadSizeBytes > MAX_PAYLOAD_BYTES_LIMIT) {
            throw HooklineException.badRequest("model.config.is_valid.max_payload_size.app_error",
                    "MaximumPayloadSizeBytes must be between " + MIN_PAYLOAD_BYTES + " and "
                            + MAX_PAYLOAD_BYTES_LIMIT + ".");
        }
        if (rateLimits == null) {
            throw HooklineException.badRequest("api.config.patch_config.app_error", "RateLimitSettings is required.");
        }
        rateLimits.validate();
        if (hookDeliveryLogSize < MIN_HOOK_DELIVERY_LOG_SIZE || hookDeliveryLogSize > MAX_HOOK_DELIVERY_LOG_SIZE) {
            throw HooklineException.badRequest("model.config.is_valid.hook_delivery_log_size.app_error",
                    "HookDeliveryLogSize must be between " + MIN_HOOK_DELIVERY_LOG_SIZE + " and "
                            + MAX_HOOK_DELIVERY_LOG_SIZE + ".");
        }
        return this;
    }
}
