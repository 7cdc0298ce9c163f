package io.hookline.web.console.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.hookline.ejb.settings.RateLimitSettings;
import io.hookline.ejb.settings.Settings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Field;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The console form's Bean Validation bounds are the domain's named limits, so the page refuses exactly what
 * {@link Settings#validate()} refuses (the browser tests check a page at and past them).
 */
class ServiceSettingsFormTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "maxPostSize, 1, " + Settings.MAX_POST_SIZE_LIMIT,
        "maximumPayloadSizeBytes, " + Settings.MIN_PAYLOAD_BYTES + ", " + Settings.MAX_PAYLOAD_BYTES_LIMIT,
        "hookDeliveryLogSize, " + Settings.MIN_HOOK_DELIVERY_LOG_SIZE + ", " + Settings.MAX_HOOK_DELIVERY_LOG_SIZE,
        "rateLimitPerSec, " + RateLimitSettings.MIN_PER_SEC + ", " + RateLimitSettings.MAX_PER_SEC,
        "rateLimitMaxBurst, " + RateLimitSettings.MIN_MAX_BURST + ", " + RateLimitSettings.MAX_MAX_BURST,
        "perHookPerSec, " + RateLimitSettings.MIN_PER_SEC + ", " + RateLimitSettings.MAX_PER_SEC,
        "perHookMaxBurst, " + RateLimitSettings.MIN_MAX_BURST + ", " + RateLimitSettings.MAX_MAX_BURST,
        "idempotencyWindowSeconds, " + Settings.MIN_IDEMPOTENCY_WINDOW_SECONDS + ", "
                + Settings.MAX_IDEMPOTENCY_WINDOW_SECONDS,
    })
    void boundsAreTheNamedLimits(String fieldName, long min, long max) throws NoSuchFieldException {
        Field field = ServiceSettingsForm.class.getDeclaredField(fieldName);
        assertNotNull(field.getAnnotation(NotNull.class), fieldName + " is required");
        assertEquals(min, field.getAnnotation(Min.class).value(), fieldName + " @Min");
        assertEquals(max, field.getAnnotation(Max.class).value(), fieldName + " @Max");
    }
}
