package io.hookline.ejb.settings;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookline.api.error.HooklineException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15's settings ({@code MaxPostsPerRequest}, {@code MaximumLoginAttempts}, {@code LoginLockoutSeconds}):
 * defaults, patched by their config names, shown in the document, and refused past their bounds.
 */
class RequestAndLoginLimitsTest {

    private static final Settings DEFAULTS = new Settings(
            true,
            false,
            false,
            4000,
            300_000,
            false,
            RateLimitSettings.DEFAULTS,
            Settings.DEFAULT_HOOK_DELIVERY_LOG_SIZE);

    @Test
    void theOlderConstructorTakesTheDefaults() {
        assertEquals(100, DEFAULTS.maxPostsPerRequest());
        assertEquals(10, DEFAULTS.maximumLoginAttempts());
        assertEquals(1800, DEFAULTS.loginLockoutSeconds());
    }

    @Test
    void patchedByNameAndShownInTheDocument() {
        JsonObject patch = Json.createObjectBuilder()
                .add(
                        "ServiceSettings",
                        Json.createObjectBuilder()
                                .add("MaxPostsPerRequest", 7)
                                .add("MaximumLoginAttempts", 3)
                                .add("LoginLockoutSeconds", 0))
                .build();
        Settings patched = SettingsService.applyPatch(DEFAULTS, patch);
        assertEquals(7, patched.maxPostsPerRequest());
        assertEquals(3, patched.maximumLoginAttempts());
        assertEquals(0, patched.loginLockoutSeconds());
        JsonObject service = SettingsService.toDocument(patched).getJsonObject("ServiceSettings");
        assertEquals(7, service.getInt("MaxPostsPerRequest"));
        assertEquals(3, service.getInt("MaximumLoginAttempts"));
        assertEquals(0, service.getInt("LoginLockoutSeconds"));
    }

    @ParameterizedTest(name = "{0}={1}: valid {2}")
    @CsvSource(textBlock = """
            MaxPostsPerRequest,   1,       true
            MaxPostsPerRequest,   0,       false
            MaxPostsPerRequest,   10000,   true
            MaxPostsPerRequest,   10001,   false
            MaximumLoginAttempts, 1,       true
            MaximumLoginAttempts, 0,       false
            MaximumLoginAttempts, 1000,    true
            MaximumLoginAttempts, 1001,    false
            LoginLockoutSeconds,  0,       true
            LoginLockoutSeconds,  -1,      false
            LoginLockoutSeconds,  2592000, true
            LoginLockoutSeconds,  2592001, false
            """)
    void boundsAtAndPast(String key, int value, boolean valid) {
        Settings patched = SettingsService.applyPatch(
                DEFAULTS,
                Json.createObjectBuilder()
                        .add("ServiceSettings", Json.createObjectBuilder().add(key, value))
                        .build());
        if (valid) {
            assertDoesNotThrow(patched::validate);
        } else {
            HooklineException e = assertThrows(HooklineException.class, patched::validate);
            assertEquals(400, e.status());
            assertEquals(key + " must be between", e.getMessage().substring(0, key.length() + 16));
        }
    }
}
