package io.hookline.web.console.system;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.settings.RateLimitSettings;
import io.hookline.ejb.settings.Settings;
import io.hookline.ejb.settings.SettingsService;
import io.hookline.web.console.ConsolePages;
import io.hookline.web.console.security.ConsoleCaller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * System Console → Service Settings: the spec's three switches, the size limits, the delivery log's retention,
 * the posts one request may become, how long an {@code Idempotency-Key} holds, sign-in lockout and the hook rate
 * limits.
 * Saving replaces the settings snapshot, so the next hook request uses them; no restart. The bounds are
 * {@link Settings}' and {@link RateLimitSettings}' named limits.
 */
@Named
@RequestScoped
public class ServiceSettingsForm {

    private boolean enableIncomingWebhooks;
    private boolean enablePostUsernameOverride;
    private boolean enablePostIconOverride;
    private boolean enableOpenServer;

    @NotNull(message = "Enter a maximum post size.")
    @Min(value = 1, message = "At least 1 character.")
    @Max(value = Settings.MAX_POST_SIZE_LIMIT, message = "At most " + Settings.MAX_POST_SIZE_LIMIT + " characters.")
    private Integer maxPostSize;

    @NotNull(message = "Enter a maximum payload size.")
    @Min(value = Settings.MIN_PAYLOAD_BYTES, message = "At least " + Settings.MIN_PAYLOAD_BYTES + " bytes.")
    @Max(value = Settings.MAX_PAYLOAD_BYTES_LIMIT, message = "At most " + Settings.MAX_PAYLOAD_BYTES_LIMIT + " bytes.")
    private Integer maximumPayloadSizeBytes;

    @NotNull(message = "Enter how many deliveries to keep per hook.")
    @Min(
            value = Settings.MIN_HOOK_DELIVERY_LOG_SIZE,
            message = "At least " + Settings.MIN_HOOK_DELIVERY_LOG_SIZE + " (no log).")
    @Max(
            value = Settings.MAX_HOOK_DELIVERY_LOG_SIZE,
            message = "At most " + Settings.MAX_HOOK_DELIVERY_LOG_SIZE + " deliveries.")
    private Integer hookDeliveryLogSize;

    @NotNull(message = "Enter the most posts one hook request may become.")
    @Min(
            value = Settings.MIN_MAX_POSTS_PER_REQUEST,
            message = "At least " + Settings.MIN_MAX_POSTS_PER_REQUEST + " post.")
    @Max(
            value = Settings.MAX_MAX_POSTS_PER_REQUEST,
            message = "At most " + Settings.MAX_MAX_POSTS_PER_REQUEST + " posts.")
    private Integer maxPostsPerRequest;

    @NotNull(message = "Enter how many failed sign-ins lock an account.")
    @Min(
            value = Settings.MIN_MAXIMUM_LOGIN_ATTEMPTS,
            message = "At least " + Settings.MIN_MAXIMUM_LOGIN_ATTEMPTS + " attempt.")
    @Max(
            value = Settings.MAX_MAXIMUM_LOGIN_ATTEMPTS,
            message = "At most " + Settings.MAX_MAXIMUM_LOGIN_ATTEMPTS + " attempts.")
    private Integer maximumLoginAttempts;

    @NotNull(message = "Enter the lock time in seconds.")
    @Min(
            value = Settings.MIN_LOGIN_LOCKOUT_SECONDS,
            message = "At least " + Settings.MIN_LOGIN_LOCKOUT_SECONDS + " (locked until a reset).")
    @Max(
            value = Settings.MAX_LOGIN_LOCKOUT_SECONDS,
            message = "At most " + Settings.MAX_LOGIN_LOCKOUT_SECONDS + " seconds.")
    private Integer loginLockoutSeconds;

    @NotNull(message = "Enter how long an idempotency key holds, in seconds.")
    @Min(
            value = Settings.MIN_IDEMPOTENCY_WINDOW_SECONDS,
            message = "At least " + Settings.MIN_IDEMPOTENCY_WINDOW_SECONDS + " second.")
    @Max(
            value = Settings.MAX_IDEMPOTENCY_WINDOW_SECONDS,
            message = "At most " + Settings.MAX_IDEMPOTENCY_WINDOW_SECONDS + " seconds.")
    private Integer idempotencyWindowSeconds;

    private boolean rateLimitEnable;
    private boolean rateLimitVaryByRemoteAddr;

    @NotNull(message = "Enter the requests per second per address.")
    @Min(value = RateLimitSettings.MIN_PER_SEC, message = "At least " + RateLimitSettings.MIN_PER_SEC + " a second.")
    @Max(value = RateLimitSettings.MAX_PER_SEC, message = "At most " + RateLimitSettings.MAX_PER_SEC + " a second.")
    private Integer rateLimitPerSec;

    @NotNull(message = "Enter the burst per address.")
    @Min(value = RateLimitSettings.MIN_MAX_BURST, message = "At least " + RateLimitSettings.MIN_MAX_BURST + " request.")
    @Max(value = RateLimitSettings.MAX_MAX_BURST, message = "At most " + RateLimitSettings.MAX_MAX_BURST + " requests.")
    private Integer rateLimitMaxBurst;

    @NotNull(message = "Enter the requests per second per hook.")
    @Min(value = RateLimitSettings.MIN_PER_SEC, message = "At least " + RateLimitSettings.MIN_PER_SEC + " a second.")
    @Max(value = RateLimitSettings.MAX_PER_SEC, message = "At most " + RateLimitSettings.MAX_PER_SEC + " a second.")
    private Integer perHookPerSec;

    @NotNull(message = "Enter the burst per hook.")
    @Min(value = RateLimitSettings.MIN_MAX_BURST, message = "At least " + RateLimitSettings.MIN_MAX_BURST + " request.")
    @Max(value = RateLimitSettings.MAX_MAX_BURST, message = "At most " + RateLimitSettings.MAX_MAX_BURST + " requests.")
    private Integer perHookMaxBurst;

    @Inject
    private SettingsService settings;

    @Inject
    private ConsoleCaller me;

    @PostConstruct
    void load() {
        Settings s = settings.current();
        enableIncomingWebhooks = s.enableIncomingWebhooks();
        enablePostUsernameOverride = s.enablePostUsernameOverride();
        enablePostIconOverride = s.enablePostIconOverride();
        enableOpenServer = s.enableOpenServer();
        maxPostSize = s.maxPostSize();
        maximumPayloadSizeBytes = s.maximumPayloadSizeBytes();
        hookDeliveryLogSize = s.hookDeliveryLogSize();
        maxPostsPerRequest = s.maxPostsPerRequest();
        maximumLoginAttempts = s.maximumLoginAttempts();
        loginLockoutSeconds = s.loginLockoutSeconds();
        idempotencyWindowSeconds = s.idempotencyWindowSeconds();
        RateLimitSettings r = s.rateLimits();
        rateLimitEnable = r.enable();
        rateLimitPerSec = r.perSec();
        rateLimitMaxBurst = r.maxBurst();
        rateLimitVaryByRemoteAddr = r.varyByRemoteAddr();
        perHookPerSec = r.perHookPerSec();
        perHookMaxBurst = r.perHookMaxBurst();
    }

    public void save() {
        try {
            settings.replace(
                    me.caller(),
                    new Settings(
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
                                    perHookPerSec,
                                    perHookMaxBurst),
                            hookDeliveryLogSize,
                            maxPostsPerRequest,
                            maximumLoginAttempts,
                            loginLockoutSeconds,
                            idempotencyWindowSeconds));
            ConsolePages.info("Settings saved. They apply from the next request on.");
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
    }

    public boolean isEnableIncomingWebhooks() {
        return enableIncomingWebhooks;
    }

    public void setEnableIncomingWebhooks(boolean value) {
        this.enableIncomingWebhooks = value;
    }

    public boolean isEnablePostUsernameOverride() {
        return enablePostUsernameOverride;
    }

    public void setEnablePostUsernameOverride(boolean value) {
        this.enablePostUsernameOverride = value;
    }

    public boolean isEnablePostIconOverride() {
        return enablePostIconOverride;
    }

    public void setEnablePostIconOverride(boolean value) {
        this.enablePostIconOverride = value;
    }

    public boolean isEnableOpenServer() {
        return enableOpenServer;
    }

    public void setEnableOpenServer(boolean value) {
        this.enableOpenServer = value;
    }

    public Integer getMaxPostSize() {
        return maxPostSize;
    }

    public void setMaxPostSize(Integer value) {
        this.maxPostSize = value;
    }

    public Integer getMaximumPayloadSizeBytes() {
        return maximumPayloadSizeBytes;
    }

    public void setMaximumPayloadSizeBytes(Integer value) {
        this.maximumPayloadSizeBytes = value;
    }

    public Integer getHookDeliveryLogSize() {
        return hookDeliveryLogSize;
    }

    public void setHookDeliveryLogSize(Integer value) {
        this.hookDeliveryLogSize = value;
    }

    public Integer getMaxPostsPerRequest() {
        return maxPostsPerRequest;
    }

    public void setMaxPostsPerRequest(Integer value) {
        this.maxPostsPerRequest = value;
    }

    public Integer getMaximumLoginAttempts() {
        return maximumLoginAttempts;
    }

    public void setMaximumLoginAttempts(Integer value) {
        this.maximumLoginAttempts = value;
    }

    public Integer getLoginLockoutSeconds() {
        return loginLockoutSeconds;
    }

    public void setLoginLockoutSeconds(Integer value) {
        this.loginLockoutSeconds = value;
    }

    public Integer getIdempotencyWindowSeconds() {
        return idempotencyWindowSeconds;
    }

    public void setIdempotencyWindowSeconds(Integer value) {
        this.idempotencyWindowSeconds = value;
    }

    public boolean isRateLimitEnable() {
        return rateLimitEnable;
    }

    public void setRateLimitEnable(boolean value) {
        this.rateLimitEnable = value;
    }

    public boolean isRateLimitVaryByRemoteAddr() {
        return rateLimitVaryByRemoteAddr;
    }

    public void setRateLimitVaryByRemoteAddr(boolean value) {
        this.rateLimitVaryByRemoteAddr = value;
    }

    public Integer getRateLimitPerSec() {
        return rateLimitPerSec;
    }

    public void setRateLimitPerSec(Integer value) {
        this.rateLimitPerSec = value;
    }

    public Integer getRateLimitMaxBurst() {
        return rateLimitMaxBurst;
    }

    public void setRateLimitMaxBurst(Integer value) {
        this.rateLimitMaxBurst = value;
    }

    public Integer getPerHookPerSec() {
        return perHookPerSec;
    }

    public void setPerHookPerSec(Integer value) {
        this.perHookPerSec = value;
    }

    public Integer getPerHookMaxBurst() {
        return perHookMaxBurst;
    }

    public void setPerHookMaxBurst(Integer value) {
        this.perHookMaxBurst = value;
    }
}
