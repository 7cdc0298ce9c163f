package io.hookline.ejb.settings;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.ejb.audit.AuditDetails;
import io.hookline.ejb.audit.AuditLog;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The run-time settings: a snapshot cached in memory so the hook hot path never queries for them,
 * replaced on every change so a saved setting applies to the next request, no restart. Other servers on
 * the same database reload it when {@code cluster.ClusterChanges} sees the change committed ({@link #reload}).
 * Speaks Mattermost's config document: {@code ServiceSettings}, {@code TeamSettings} and
 * {@code RateLimitSettings} with Mattermost's key names, plus Hookline's {@code MaxPostSize} and
 * {@code HookDeliveryLogSize} (the delivery log), {@code MaxPostsPerRequest}, {@code LoginLockoutSeconds} and {@code IdempotencyWindowSeconds} under
 * ServiceSettings (next to Mattermost's {@code MaximumLoginAttempts}) and {@code PerHookPerSec} /
 * {@code PerHookMaxBurst} under RateLimitSettings.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@Lock(LockType.READ)
public class SettingsService {

    /** Looked up once: {@code Json.create…} asks the ServiceLoader for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Mattermost's section name for the rate limits (Hookline adds the PerHook* keys). */
    static final String RATE_LIMIT = "RateLimitSettings";

    /** Audit actions, Mattermost's names: the API's patch and the System Console's whole-form save. */
    static final String AUDIT_PATCH = "patchConfig";

    static final String AUDIT_UPDATE = "updateConfig";
    static final String AUDIT_TARGET = "settings";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    private CurrentSettings current;

    @PostConstruct
    void load() {
        current.set(em.find(SystemSettings.class, SystemSettings.ID).snapshot());
    }

    /** Reads the settings again: another server may have changed them. */
    @Lock(LockType.WRITE)
    public void reload() {
        load();
    }

    /** The settings in force; on the hook's hot path read {@link CurrentSettings} instead (no EJB call). */
    public Settings current() {
        return current.get();
    }

    public JsonObject config(Caller caller) {
        requireAdmin(caller);
        return toDocument(current.get());
    }

    /** Applies the keys present in {@code patch}, leaves the others, and answers the whole document. */
    @Lock(LockType.WRITE)
    public JsonObject patch(Caller caller, JsonObject patch) {
        requireAdmin(caller);
        return toDocument(store(caller, applyPatch(current.get(), patch), AUDIT_PATCH));
    }

    /**
     * {@code current} with the keys present in {@code patch} changed, type-checked (a 400 names a wrongly
     * typed key) but not yet range-checked: {@link #replace} validates.
     */
    static Settings applyPatch(Settings s, JsonObject patch) {
        ConfigPatch p = new ConfigPatch(patch);
        RateLimitSettings r = s.rateLimits();
        return new Settings(
                p.bool("ServiceSettings", "EnableIncomingWebhooks", s.enableIncomingWebhooks()),
                p.bool("ServiceSettings", "EnablePostUsernameOverride", s.enablePostUsernameOverride()),
                p.bool("ServiceSettings", "EnablePostIconOverride", s.enablePostIconOverride()),
                p.integer("ServiceSettings", "MaxPostSize", s.maxPostSize()),
                p.integer("ServiceSettings", "MaximumPayloadSizeBytes", s.maximumPayloadSizeBytes()),
                p.bool("TeamSettings", "EnableOpenServer", s.enableOpenServer()),
                new RateLimitSettings(
                        p.bool(RATE_LIMIT, "Enable", r.enable()),
                        p.integer(RATE_LIMIT, "PerSec", r.perSec()),
                        p.integer(RATE_LIMIT, "MaxBurst", r.maxBurst()),
                        p.bool(RATE_LIMIT, "VaryByRemoteAddr", r.varyByRemoteAddr()),
                        p.integer(RATE_LIMIT, "PerHookPerSec", r.perHookPerSec()),
                        p.integer(RATE_LIMIT, "PerHookMaxBurst", r.perHookMaxBurst())),
                p.integer("ServiceSettings", "HookDeliveryLogSize", s.hookDeliveryLogSize()),
                p.integer("ServiceSettings", "MaxPostsPerRequest", s.maxPostsPerRequest()),
                p.integer("ServiceSettings", "MaximumLoginAttempts", s.maximumLoginAttempts()),
                p.integer("ServiceSettings", "LoginLockoutSeconds", s.loginLockoutSeconds()),
                p.integer("ServiceSettings", "IdempotencyWindowSeconds", s.idempotencyWindowSeconds()));
    }

    /**
     * Stores a whole new set of settings (the System Console's form) after validating every limit; the
     * next request, hook or API, sees it. Nothing changes when a value is out of range (400).
     */
    @Lock(LockType.WRITE)
    public Settings replace(Caller caller, Settings changed) {
        return store(caller, changed, AUDIT_UPDATE);
    }

    /**
     * Validates, stores, and records the keys that changed in the audit log in the same transaction (no
     * entry when nothing changed); the snapshot is swapped only once the flush has succeeded.
     */
    private Settings store(Caller caller, Settings changed, String auditAction) {
        requireAdmin(caller);
        changed.validate();
        em.find(SystemSettings.class, SystemSettings.ID).apply(changed, System.currentTimeMillis());
        AuditDetails changes = changes(current.get(), changed);
        if (!changes.isEmpty()) {
            audit.record(caller, auditAction, AUDIT_TARGET, changes);
        }
        em.flush();
        current.set(changed);
        return changed;
    }

    /** {@code Section.Key old → new} for every key of the config document whose value differs. */
    static AuditDetails changes(Settings before, Settings after) {
        JsonObject old = toDocument(before);
        JsonObject now = toDocument(after);
        AuditDetails details = AuditDetails.of();
        for (String section : now.keySet()) {
            JsonObject oldSection = old.getJsonObject(section);
            JsonObject newSection = now.getJsonObject(section);
            for (String key : newSection.keySet()) {
                details.changed(section + "." + key, oldSection.get(key), newSection.get(key));
            }
        }
        return details;
    }

    static JsonObject toDocument(Settings s) {
        return JSON.createObjectBuilder()
                .add(
                        "ServiceSettings",
                        JSON.createObjectBuilder()
                                .add("EnableIncomingWebhooks", s.enableIncomingWebhooks())
                                .add("EnablePostUsernameOverride", s.enablePostUsernameOverride())
                                .add("EnablePostIconOverride", s.enablePostIconOverride())
                                .add("MaximumPayloadSizeBytes", s.maximumPayloadSizeBytes())
                                .add("MaxPostSize", s.maxPostSize())
                                .add("HookDeliveryLogSize", s.hookDeliveryLogSize())
                                .add("MaxPostsPerRequest", s.maxPostsPerRequest())
                                .add("MaximumLoginAttempts", s.maximumLoginAttempts())
                                .add("LoginLockoutSeconds", s.loginLockoutSeconds())
                                .add("IdempotencyWindowSeconds", s.idempotencyWindowSeconds()))
                .add("TeamSettings", JSON.createObjectBuilder().add("EnableOpenServer", s.enableOpenServer()))
                .add(
                        RATE_LIMIT,
                        JSON.createObjectBuilder()
                                .add("Enable", s.rateLimits().enable())
                                .add("PerSec", s.rateLimits().perSec())
                                .add("MaxBurst", s.rateLimits().maxBurst())
                                .add("VaryByRemoteAddr", s.rateLimits().varyByRemoteAddr())
                                .add("PerHookPerSec", s.rateLimits().perHookPerSec())
                                .add("PerHookMaxBurst", s.rateLimits().perHookMaxBurst()))
                .build();
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.systemAdmin()) {
            throw HooklineException.forbidden(
                    "api.context.permissions.app_error",
                    "You do not have the appropriate permissions (system admin only).");
        }
    }

    /** Typed reads from a partial config document; a present key of the wrong type is a 400 naming it. */
    private record ConfigPatch(JsonObject document) {

        boolean bool(String section, String key, boolean unchanged) {
            JsonValue v = value(section, key);
            if (v == null) {
                return unchanged;
            }
            if (v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE) {
                return v.getValueType() == JsonValue.ValueType.TRUE;
            }
            throw wrongType(section, key, "true or false");
        }

        int integer(String section, String key, int unchanged) {
            JsonValue v = value(section, key);
            if (v == null) {
                return unchanged;
            }
            if (v.getValueType() == JsonValue.ValueType.NUMBER && ((jakarta.json.JsonNumber) v).isIntegral()) {
                try {
                    return ((jakarta.json.JsonNumber) v).intValueExact();
                } catch (ArithmeticException tooLarge) {
                    throw wrongType(section, key, "an integer");
                }
            }
            throw wrongType(section, key, "an integer");
        }

        private JsonValue value(String section, String key) {
            JsonValue s = document.get(section);
            if (s == null || s.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (s.getValueType() != JsonValue.ValueType.OBJECT) {
                throw wrongType(section, "", "an object");
            }
            JsonValue v = s.asJsonObject().get(key);
            return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : v;
        }

        private static HooklineException wrongType(String section, String key, String expected) {
            String name = key.isEmpty() ? section : section + "." + key;
            return HooklineException.badRequest(
                    "api.config.patch_config.app_error", name + " must be " + expected + ".");
        }
    }
}
