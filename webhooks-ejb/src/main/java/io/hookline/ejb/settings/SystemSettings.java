package io.hookline.ejb.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The run-time switches of Mattermost's System Console, one row with id 1, created with its
 * defaults by the migrations. Read through {@link SettingsService}, which caches a snapshot.
 */
@Entity
@Table(name = "system_settings")
public class SystemSettings {

    /** The only row's id. */
    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "enable_incoming_webhooks")
    private boolean enableIncomingWebhooks;

    @Column(name = "enable_post_username_override")
    private boolean enablePostUsernameOverride;

    @Column(name = "enable_post_icon_override")
    private boolean enablePostIconOverride;

    @Column(name = "max_post_size")
    private int maxPostSize;

    @Column(name = "maximum_payload_size_bytes")
    private int maximumPayloadSizeBytes;

    @Column(name = "enable_open_server")
    private boolean enableOpenServer;

    @Column(name = "rate_limit_enable")
    private boolean rateLimitEnable;

    @Column(name = "rate_limit_per_sec")
    private int rateLimitPerSec;

    @Column(name = "rate_limit_max_burst")
    private int rateLimitMaxBurst;

    @Column(name = "rate_limit_vary_by_remote_addr")
    private boolean rateLimitVaryByRemoteAddr;

    @Column(name = "rate_limit_per_hook_per_sec")
    private int rateLimitPerHookPerSec;

    @Column(name = "rate_limit_per_hook_max_burst")
    private int rateLimitPerHookMaxBurst;

    @Column(name = "hook_delivery_log_size")
    private int hookDeliveryLogSize;

    @Column(name = "max_posts_per_request")
    private int maxPostsPerRequest;

    @Column(name = "maximum_login_attempts")
    private int maximumLoginAttempts;

    @Column(name = "login_lockout_seconds")
    private int loginLockoutSeconds;

    @Column(name = "idempotency_window_seconds")
    private int idempotencyWindowSeconds;

    @Column(name = "update_at")
    private long updateAt;

    protected SystemSettings() {}

    Settings snapshot() {
        return new Settings(
                enableIncomingWebhooks,
                enablePostUsernameOverride,
                enablePostIconOverride,
                maxPostSize,
                maximumPayloadSizeBytes,
                enableOpenServer,
                new RateLimitSettings(
                        rateLimitEnable,
                        rateLimitPerSec,
                        rateLimitMaxBurst,
                        rateLimitVaryByRemoteAddr,
                        rateLimitPerHookPerSec,
                        rateLimitPerHookMaxBurst),
                hookDeliveryLogSize,
                maxPostsPerRequest,
                maximumLoginAttempts,
                loginLockoutSeconds,
                idempotencyWindowSeconds);
    }

    void apply(Settings s, long now) {
        enableIncomingWebhooks = s.enableIncomingWebhooks();
        enablePostUsernameOverride = s.enablePostUsernameOverride();
        enablePostIconOverride = s.enablePostIconOverride();
        maxPostSize = s.maxPostSize();
        maximumPayloadSizeBytes = s.maximumPayloadSizeBytes();
        enableOpenServer = s.enableOpenServer();
        RateLimitSettings r = s.rateLimits();
        rateLimitEnable = r.enable();
        rateLimitPerSec = r.perSec();
        rateLimitMaxBurst = r.maxBurst();
        rateLimitVaryByRemoteAddr = r.varyByRemoteAddr();
        rateLimitPerHookPerSec = r.perHookPerSec();
        rateLimitPerHookMaxBurst = r.perHookMaxBurst();
        hookDeliveryLogSize = s.hookDeliveryLogSize();
        maxPostsPerRequest = s.maxPostsPerRequest();
        maximumLoginAttempts = s.maximumLoginAttempts();
        loginLockoutSeconds = s.loginLockoutSeconds();
        idempotencyWindowSeconds = s.idempotencyWindowSeconds();
        updateAt = now;
    }
}
