package io.hookline.ejb.settings;

import io.hookline.api.error.HooklineException;

/**
 * An immutable snapshot of the run-time settings, with their limits. {@code hookDeliveryLogSize} is how many
 * deliveries the delivery log keeps per hook (0: no log); {@code maxPostsPerRequest} how many posts one hook
 * request may become once split; {@code maximumLoginAttempts} how many failed passwords in a row lock an account
 * and {@code loginLockoutSeconds} for how long (0: until an admin resets the password); {@code idempotencyWindowSeconds}
 * how long a hook request's {@code Idempotency-Key} holds. Each limit is a named
 * constant; {@link #validate()} enforces them for every change, whichever edge it came from.
 */
public record Settings(
        boolean enableIncomingWebhooks,
        boolean enablePostUsernameOverride,
        boolean enablePostIconOverride,
        int maxPostSize,
        int maximumPayloadSizeBytes,
        boolean enableOpenServer,
        RateLimitSettings rateLimits,
        int hookDeliveryLogSize,
        int maxPostsPerRequest,
        int maximumLoginAttempts,
        int loginLockoutSeconds,
        int idempotencyWindowSeconds) {

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

    /**
     * Posts one hook request may become by default: a legitimate message at the payload cap (300,000 bytes) split at
     * the default 4,000 characters makes 75; a request past it is an amplification attempt (issue 15).
     */
    public static final int DEFAULT_MAX_POSTS_PER_REQUEST = 100;

    public static final int MIN_MAX_POSTS_PER_REQUEST = 1;
    /** The most an admin may allow: 10 MB of payload at 1,000 characters a post. */
    public static final int MAX_MAX_POSTS_PER_REQUEST = 10_000;

    /** Mattermost's default {@code ServiceSettings.MaximumLoginAttempts}. */
    public static final int DEFAULT_MAXIMUM_LOGIN_ATTEMPTS = 10;

    public static final int MIN_MAXIMUM_LOGIN_ATTEMPTS = 1;
    public static final int MAX_MAXIMUM_LOGIN_ATTEMPTS = 1_000;

    /** How long a locked account stays locked by default: half an hour. */
    public static final int DEFAULT_LOGIN_LOCKOUT_SECONDS = 1_800;
    /** 0: a locked account stays locked until an admin resets its password (Mattermost's only behaviour). */
    public static final int MIN_LOGIN_LOCKOUT_SECONDS = 0;
    /** Thirty days. */
    public static final int MAX_LOGIN_LOCKOUT_SECONDS = 30 * 24 * 3_600;

    /**
     * How long an {@code Idempotency-Key} holds per hook by default: a day, the IETF draft's suggestion and longer
     * than any sender's retry schedule.
     */
    public static final int DEFAULT_IDEMPOTENCY_WINDOW_SECONDS = 86_400;
    /** One second: only useful in tests, but nothing breaks. */
    public static final int MIN_IDEMPOTENCY_WINDOW_SECONDS = 1;
    /** Thirty days: the key table holds at most this long's keyed requests (each one row). */
    public static final int MAX_IDEMPOTENCY_WINDOW_SECONDS = 30 * 24 * 3_600;

    /** The settings before issue 18's key, which takes its default. */
    public Settings(
            boolean enableIncomingWebhooks,
            boolean enablePostUsernameOverride,
            boolean enablePostIconOverride,
            int maxPostSize,
            int maximumPayloadSizeBytes,
            boolean enableOpenServer,
            RateLimitSettings rateLimits,
            int hookDeliveryLogSize,
            int maxPostsPerRequest,
            int maximumLoginAttempts,
            int loginLockoutSeconds) {
        this(
                enableIncomingWebhooks,
                enablePostUsernameOverride,
                enablePostIconOverride,
                maxPostSize,
                maximumPayloadSizeBytes,
                enableOpenServer,
                rateLimits,
                hookDeliveryLogSize,
                maxPostsPerRequest,
                maximumLoginAttempts,
                loginLockoutSeconds,
                DEFAULT_IDEMPOTENCY_WINDOW_SECONDS);
    }

    /** The settings before issue 15's keys, which take their defaults: keeps older call sites and tests short. */
    public Settings(
            boolean enableIncomingWebhooks,
            boolean enablePostUsernameOverride,
            boolean enablePostIconOverride,
            int maxPostSize,
            int maximumPayloadSizeBytes,
            boolean enableOpenServer,
            RateLimitSettings rateLimits,
            int hookDeliveryLogSize) {
        this(
                enableIncomingWebhooks,
                enablePostUsernameOverride,
                enablePostIconOverride,
                maxPostSize,
                maximumPayloadSizeBytes,
                enableOpenServer,
                rateLimits,
                hookDeliveryLogSize,
                DEFAULT_MAX_POSTS_PER_REQUEST,
                DEFAULT_MAXIMUM_LOGIN_ATTEMPTS,
                DEFAULT_LOGIN_LOCKOUT_SECONDS,
                DEFAULT_IDEMPOTENCY_WINDOW_SECONDS);
    }

    public Settings validate() {
        if (maxPostSize < 1 || maxPostSize > MAX_POST_SIZE_LIMIT) {
            throw HooklineException.badRequest(
                    "model.config.is_valid.max_post_size.app_error",
                    "MaxPostSize must be between 1 and " + MAX_POST_SIZE_LIMIT + ".");
        }
        if (maximumPayloadSizeBytes < MIN_PAYLOAD_BYTES || maximumPayloadSizeBytes > MAX_PAYLOAD_BYTES_LIMIT) {
            throw HooklineException.badRequest(
                    "model.config.is_valid.max_payload_size.app_error",
                    "MaximumPayloadSizeBytes must be between " + MIN_PAYLOAD_BYTES + " and " + MAX_PAYLOAD_BYTES_LIMIT
                            + ".");
        }
        if (rateLimits == null) {
            throw HooklineException.badRequest("api.config.patch_config.app_error", "RateLimitSettings is required.");
        }
        rateLimits.validate();
        if (hookDeliveryLogSize < MIN_HOOK_DELIVERY_LOG_SIZE || hookDeliveryLogSize > MAX_HOOK_DELIVERY_LOG_SIZE) {
            throw HooklineException.badRequest(
                    "model.config.is_valid.hook_delivery_log_size.app_error",
                    "HookDeliveryLogSize must be between " + MIN_HOOK_DELIVERY_LOG_SIZE + " and "
                            + MAX_HOOK_DELIVERY_LOG_SIZE + ".");
        }
        requireWithin(
                maxPostsPerRequest,
                MIN_MAX_POSTS_PER_REQUEST,
                MAX_MAX_POSTS_PER_REQUEST,
                "model.config.is_valid.max_posts_per_request.app_error",
                "MaxPostsPerRequest");
        requireWithin(
                maximumLoginAttempts,
                MIN_MAXIMUM_LOGIN_ATTEMPTS,
                MAX_MAXIMUM_LOGIN_ATTEMPTS,
                "model.config.is_valid.maximum_login_attempts.app_error",
                "MaximumLoginAttempts");
        requireWithin(
                loginLockoutSeconds,
                MIN_LOGIN_LOCKOUT_SECONDS,
                MAX_LOGIN_LOCKOUT_SECONDS,
                "model.config.is_valid.login_lockout_seconds.app_error",
                "LoginLockoutSeconds");
        requireWithin(
                idempotencyWindowSeconds,
                MIN_IDEMPOTENCY_WINDOW_SECONDS,
                MAX_IDEMPOTENCY_WINDOW_SECONDS,
                "model.config.is_valid.idempotency_window_seconds.app_error",
                "IdempotencyWindowSeconds");
        return this;
    }

    private static void requireWithin(int value, int min, int max, String errorId, String key) {
        if (value < min || value > max) {
            throw HooklineException.badRequest(errorId, key + " must be between " + min + " and " + max + ".");
        }
    }
}
