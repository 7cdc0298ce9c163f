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
 * Issue 18's {@code ServiceSettings.IdempotencyWindowSeconds}: default a day, patched by its config name, shown in
 * the document, audited as a change, and refused past its bounds (1 s to 30 days).
 */
class IdempotencyWindowTest {

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
    void theOlderConstructorsTakeTheDefault() {
        assertEquals(86_400, DEFAULTS.idempotencyWindowSeconds());
        assertEquals(
                86_400,
                new Settings(true, false, false, 4000, 300_000, false, RateLimitSettings.DEFAULTS, 100, 100, 10, 1800)
                        .idempotencyWindowSeconds());
    }

    @Test
    void patchedByNameShownInTheDocumentAndAudited() {
        Settings patched = SettingsService.applyPatch(
                DEFAULTS,
                Json.createObjectBuilder()
                        .add("ServiceSettings", Json.createObjectBuilder().add("IdempotencyWindowSeconds", 60))
                        .build());
        assertEquals(60, patched.idempotencyWindowSeconds());
        JsonObject service = SettingsService.toDocument(patched).getJsonObject("ServiceSettings");
        assertEquals(60, service.getInt("IdempotencyWindowSeconds"));
        assertEquals(
                86_400,
                SettingsService.toDocument(DEFAULTS)
                        .getJsonObject("ServiceSettings")
                        .getInt("IdempotencyWindowSeconds"));
        assertEquals(false, SettingsService.changes(DEFAULTS, patched).isEmpty());
    }

    @ParameterizedTest(name = "IdempotencyWindowSeconds={0}: valid {1}")
    @CsvSource(textBlock = """
            1,       true
            0,       false
            -1,      false
            2592000, true
            2592001, false
            """)
    void boundsAtAndPast(int value, boolean valid) {
        Settings patched = SettingsService.applyPatch(
                DEFAULTS,
                Json.createObjectBuilder()
                        .add("ServiceSettings", Json.createObjectBuilder().add("IdempotencyWindowSeconds", value))
                        .build());
        if (valid) {
            assertDoesNotThrow(patched::validate);
        } else {
            HooklineException e = assertThrows(HooklineException.class, patched::validate);
            assertEquals(400, e.status());
            assertEquals("model.config.is_valid.idempotency_window_seconds.app_error", e.id());
            assertEquals("IdempotencyWindowSeconds must be between 1 and 2592000.", e.getMessage());
        }
    }
}
