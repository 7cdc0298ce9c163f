package io.hookline.ejb.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookline.api.error.HooklineException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code PUT /api/v4/config/patch} for {@code RateLimitSettings}: applied, typed, and shown in the document. */
class ConfigPatchTest {

    private static final Settings CURRENT = new Settings(
            true,
            false,
            false,
            4000,
            300_000,
            false,
            RateLimitSettings.DEFAULTS,
            Settings.DEFAULT_HOOK_DELIVERY_LOG_SIZE);

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void everyRateLimitKeyIsApplied() {
        Settings patched = SettingsService.applyPatch(CURRENT, json("""
                {"RateLimitSettings": {"Enable": false, "PerSec": 7, "MaxBurst": 8, "VaryByRemoteAddr": false,
                                       "PerHookPerSec": 1, "PerHookMaxBurst": 3}}"""));
        assertEquals(new RateLimitSettings(false, 7, 8, false, 1, 3), patched.rateLimits());
        assertEquals(CURRENT.maxPostSize(), patched.maxPostSize(), "other sections unchanged");
    }

    @Test
    void absentAndNullKeysKeepTheirValues() {
        Settings patched = SettingsService.applyPatch(CURRENT, json("""
                {"RateLimitSettings": {"PerHookMaxBurst": 3, "PerSec": null}}"""));
        RateLimitSettings d = RateLimitSettings.DEFAULTS;
        assertEquals(
                new RateLimitSettings(d.enable(), d.perSec(), d.maxBurst(), d.varyByRemoteAddr(), d.perHookPerSec(), 3),
                patched.rateLimits());
        assertEquals(CURRENT, SettingsService.applyPatch(CURRENT, json("{\"RateLimitSettings\": null}")));
        assertEquals(CURRENT, SettingsService.applyPatch(CURRENT, json("{}")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Enable           | 1        | RateLimitSettings.Enable must be true or false.
            Enable           | "true"   | RateLimitSettings.Enable must be true or false.
            VaryByRemoteAddr | "false"  | RateLimitSettings.VaryByRemoteAddr must be true or false.
            PerSec           | "10"     | RateLimitSettings.PerSec must be an integer.
            PerSec           | 1.5      | RateLimitSettings.PerSec must be an integer.
            MaxBurst         | true     | RateLimitSettings.MaxBurst must be an integer.
            PerHookPerSec    | []       | RateLimitSettings.PerHookPerSec must be an integer.
            PerHookMaxBurst  | {}       | RateLimitSettings.PerHookMaxBurst must be an integer.
            PerHookMaxBurst  | 4294967296 | RateLimitSettings.PerHookMaxBurst must be an integer.
            """)
    void wrongTypesAre400NamingTheKey(String key, String value, String message) {
        HooklineException e = assertThrows(
                HooklineException.class,
                () -> SettingsService.applyPatch(
                        CURRENT, json("{\"RateLimitSettings\": {\"" + key + "\": " + value + "}}")));
        assertEquals(400, e.status());
        assertEquals("api.config.patch_config.app_error", e.id());
        assertEquals(message, e.getMessage());
    }

    @Test
    void aSectionThatIsNoObjectIs400NamingIt() {
        HooklineException e = assertThrows(
                HooklineException.class,
                () -> SettingsService.applyPatch(CURRENT, json("{\"RateLimitSettings\": [1]}")));
        assertEquals(400, e.status());
        assertEquals("RateLimitSettings must be an object.", e.getMessage());
    }

    @Test
    void outOfRangeValuesPassThePatchAndFailValidation() {
        Settings patched = SettingsService.applyPatch(CURRENT, json("{\"RateLimitSettings\": {\"PerHookPerSec\": 0}}"));
        HooklineException e = assertThrows(HooklineException.class, patched::validate);
        assertEquals(400, e.status());
        assertEquals("RateLimitSettings.PerHookPerSec must be between 1 and 100000.", e.getMessage());
    }

    @Test
    void theDocumentShowsTheRateLimitsWithMattermostsNames() {
        JsonObject section = SettingsService.toDocument(CURRENT).getJsonObject("RateLimitSettings");
        assertEquals(json("""
                {"Enable": true, "PerSec": 1000, "MaxBurst": 2000, "VaryByRemoteAddr": true,
                 "PerHookPerSec": 100, "PerHookMaxBurst": 500}"""), section);
    }
}
