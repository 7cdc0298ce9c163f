package io.hookline.ejb.settings;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookline.api.error.HooklineException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ServiceSettings.HookDeliveryLogSize}: 0 (off) to 10,000, default 100, through the config document. */
class HookDeliveryLogSizeTest {

    private static final Settings DEFAULTS = new Settings(
            true,
            false,
            false,
            4000,
            300_000,
            false,
            RateLimitSettings.DEFAULTS,
            Settings.DEFAULT_HOOK_DELIVERY_LOG_SIZE);

    private static Settings withSize(int size) {
        return new Settings(true, false, false, 4000, 300_000, false, RateLimitSettings.DEFAULTS, size);
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void theBoundsAndDefaultAreTheDocumentedOnes() {
        assertEquals(0, Settings.MIN_HOOK_DELIVERY_LOG_SIZE);
        assertEquals(10_000, Settings.MAX_HOOK_DELIVERY_LOG_SIZE);
        assertEquals(100, Settings.DEFAULT_HOOK_DELIVERY_LOG_SIZE);
        assertDoesNotThrow(DEFAULTS::validate);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 9_999, 10_000})
    void acceptedAtAndInsideTheBounds(int size) {
        assertDoesNotThrow(() -> withSize(size).validate());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 10_001, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void refusedPastTheBounds(int size) {
        HooklineException e =
                assertThrows(HooklineException.class, () -> withSize(size).validate());
        assertEquals(400, e.status());
        assertEquals("model.config.is_valid.hook_delivery_log_size.app_error", e.id());
        assertEquals("HookDeliveryLogSize must be between 0 and 10000.", e.getMessage());
    }

    @Test
    void thePatchSetsItAndLeavesTheRest() {
        Settings patched =
                SettingsService.applyPatch(DEFAULTS, json("{\"ServiceSettings\": {\"HookDeliveryLogSize\": 3}}"));
        assertEquals(withSize(3), patched);
        assertEquals(
                DEFAULTS, SettingsService.applyPatch(DEFAULTS, json("{\"ServiceSettings\": {\"MaxPostSize\": 4000}}")));
        Settings outOfRange =
                SettingsService.applyPatch(DEFAULTS, json("{\"ServiceSettings\": {\"HookDeliveryLogSize\": 10001}}"));
        assertThrows(HooklineException.class, outOfRange::validate, "range-checked when stored");
    }

    @Test
    void aWrongTypeIs400NamingTheKey() {
        HooklineException e = assertThrows(
                HooklineException.class,
                () -> SettingsService.applyPatch(
                        DEFAULTS, json("{\"ServiceSettings\": {\"HookDeliveryLogSize\": \"100\"}}")));
        assertEquals(400, e.status());
        assertEquals("ServiceSettings.HookDeliveryLogSize must be an integer.", e.getMessage());
    }

    @Test
    void theDocumentShowsIt() {
        assertEquals(
                100,
                SettingsService.toDocument(DEFAULTS)
                        .getJsonObject("ServiceSettings")
                        .getInt("HookDeliveryLogSize"));
        assertEquals(
                0,
                SettingsService.toDocument(withSize(0))
                        .getJsonObject("ServiceSettings")
                        .getInt("HookDeliveryLogSize"));
    }
}
