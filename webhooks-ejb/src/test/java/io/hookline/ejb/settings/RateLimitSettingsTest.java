package io.hookline.ejb.settings;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.api.error.HooklineException;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rate limit bound, at and past it, through {@link Settings#validate()} as both edges use it. */
class RateLimitSettingsTest {

    private static final Settings BASE = new Settings(
            true,
            false,
            false,
            4000,
            300_000,
            false,
            RateLimitSettings.DEFAULTS,
            Settings.DEFAULT_HOOK_DELIVERY_LOG_SIZE);

    private static Settings with(RateLimitSettings r) {
        return new Settings(true, false, false, 4000, 300_000, false, r, Settings.DEFAULT_HOOK_DELIVERY_LOG_SIZE);
    }

    static Stream<Arguments> numbers() {
        RateLimitSettings d = RateLimitSettings.DEFAULTS;
        IntFunction<RateLimitSettings> perSec = v -> new RateLimitSettings(
                d.enable(), v, d.maxBurst(), d.varyByRemoteAddr(), d.perHookPerSec(), d.perHookMaxBurst());
        IntFunction<RateLimitSettings> maxBurst = v -> new RateLimitSettings(
                d.enable(), d.perSec(), v, d.varyByRemoteAddr(), d.perHookPerSec(), d.perHookMaxBurst());
        IntFunction<RateLimitSettings> perHookPerSec = v -> new RateLimitSettings(
                d.enable(), d.perSec(), d.maxBurst(), d.varyByRemoteAddr(), v, d.perHookMaxBurst());
        IntFunction<RateLimitSettings> perHookMaxBurst = v ->
                new RateLimitSettings(d.enable(), d.perSec(), d.maxBurst(), d.varyByRemoteAddr(), d.perHookPerSec(), v);
        return Stream.of(
                Arguments.of(
                        "RateLimitSettings.PerSec",
                        perSec,
                        RateLimitSettings.MIN_PER_SEC,
                        RateLimitSettings.MAX_PER_SEC,
                        "model.config.is_valid.rate_sec.app_error"),
                Arguments.of(
                        "RateLimitSettings.MaxBurst",
                        maxBurst,
                        RateLimitSettings.MIN_MAX_BURST,
                        RateLimitSettings.MAX_MAX_BURST,
                        "model.config.is_valid.max_burst.app_error"),
                Arguments.of(
                        "RateLimitSettings.PerHookPerSec",
                        perHookPerSec,
                        RateLimitSettings.MIN_PER_SEC,
                        RateLimitSettings.MAX_PER_SEC,
                        "model.config.is_valid.rate_sec.app_error"),
                Arguments.of(
                        "RateLimitSettings.PerHookMaxBurst",
                        perHookMaxBurst,
                        RateLimitSettings.MIN_MAX_BURST,
                        RateLimitSettings.MAX_MAX_BURST,
                        "model.config.is_valid.max_burst.app_error"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numbers")
    void eachNumberIsAcceptedAtItsBoundsAndRefusedPastThem(
            String name, IntFunction<RateLimitSettings> setting, int min, int max, String errorId) {
        assertDoesNotThrow(() -> with(setting.apply(min)).validate());
        assertDoesNotThrow(() -> with(setting.apply(max)).validate());
        for (int past : new int[] {min - 1, max + 1, 0, -1, Integer.MAX_VALUE}) {
            HooklineException e = assertThrows(
                    HooklineException.class, () -> with(setting.apply(past)).validate(), name + " = " + past);
            assertEquals(400, e.status());
            assertEquals(errorId, e.id());
            assertTrue(e.getMessage().startsWith(name + " must be between " + min + " and " + max), e.getMessage());
        }
    }

    @Test
    void theBoundsAreTheDocumentedOnes() {
        assertEquals(1, RateLimitSettings.MIN_PER_SEC);
        assertEquals(100_000, RateLimitSettings.MAX_PER_SEC);
        assertEquals(1, RateLimitSettings.MIN_MAX_BURST);
        assertEquals(1_000_000, RateLimitSettings.MAX_MAX_BURST);
    }

    @Test
    void defaultsAreValidAndGenerousForCi() {
        assertDoesNotThrow(BASE::validate);
        RateLimitSettings d = RateLimitSettings.DEFAULTS;
        assertEquals(new RateLimitSettings(true, 1000, 2000, true, 100, 500), d);
        assertTrue(d.perAddressApplies());
    }

    @Test
    void perAddressLimitNeedsEnableAndVaryByRemoteAddr() {
        assertTrue(new RateLimitSettings(true, 1, 1, true, 1, 1).perAddressApplies());
        assertFalse(new RateLimitSettings(false, 1, 1, true, 1, 1).perAddressApplies());
        assertFalse(new RateLimitSettings(true, 1, 1, false, 1, 1).perAddressApplies());
        assertFalse(new RateLimitSettings(false, 1, 1, false, 1, 1).perAddressApplies());
    }

    @Test
    void missingRateLimitsAreRefused() {
        HooklineException e =
                assertThrows(HooklineException.class, () -> with(null).validate());
        assertEquals(400, e.status());
    }
}
