package io.hookline.ejb.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The audit log's "what" for a settings change: every key that changed, named as in the config document. */
class SettingsChangesTest {

    private static final Settings BEFORE =
            new Settings(true, false, false, 4000, 300_000, false, RateLimitSettings.DEFAULTS, 100);

    @Test
    void eachChangedKeyWithItsOldAndNewValue() {
        RateLimitSettings r = RateLimitSettings.DEFAULTS;
        Settings after = new Settings(
                false,
                false,
                false,
                5000,
                300_000,
                false,
                new RateLimitSettings(
                        r.enable(), 50, r.maxBurst(), r.varyByRemoteAddr(), r.perHookPerSec(), r.perHookMaxBurst()),
                3);
        assertEquals(
                "ServiceSettings.EnableIncomingWebhooks true → false, ServiceSettings.MaxPostSize 4000 → 5000, "
                        + "ServiceSettings.HookDeliveryLogSize 100 → 3, RateLimitSettings.PerSec " + r.perSec()
                        + " → 50",
                SettingsService.changes(BEFORE, after).toString());
    }

    @Test
    void noChangeNoDetails() {
        assertTrue(SettingsService.changes(BEFORE, BEFORE).isEmpty());
    }
}
