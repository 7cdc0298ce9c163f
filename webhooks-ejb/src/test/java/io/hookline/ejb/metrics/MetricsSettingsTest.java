package io.hookline.ejb.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsSettingsTest {

    private final List<String> warnings = new ArrayList<>();

    private MetricsSettings of(String enabled, String token) {
        return MetricsSettings.of(
                Optional.ofNullable(enabled),
                Optional.ofNullable(token),
                MetricsSettings.DEFAULT_MAX_HOOKS,
                warnings::add);
    }

    @Test
    void offUnlessSaidOtherwise() {
        assertFalse(of(null, null).enabled());
        assertFalse(of("false", null).enabled());
        assertFalse(of("off", null).enabled());
        assertTrue(warnings.isEmpty());
    }

    @Test
    void onWithTrueOrOnInAnyCase() {
        assertTrue(of("true", null).enabled());
        assertTrue(of(" ON ", null).enabled());
        assertTrue(of("True", null).enabled());
    }

    @Test
    void aValueThatIsNoSwitchKeepsItOffWithAWarning() {
        assertFalse(of("yes", null).enabled());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains(MetricsSettings.ENABLED), warnings.get(0));
    }

    @Test
    void aTokenOfTheMinimumLengthIsTakenOneShorterKeepsTheEndpointOff() {
        String atMinimum = "a".repeat(MetricsSettings.MIN_TOKEN_LENGTH);
        MetricsSettings taken = of("true", atMinimum);
        assertTrue(taken.enabled());
        assertEquals(Optional.of(atMinimum), taken.token());

        MetricsSettings tooShort = of("true", atMinimum.substring(1));
        assertFalse(tooShort.enabled());
        assertEquals(Optional.empty(), tooShort.token());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains(MetricsSettings.TOKEN), warnings.get(0));
    }

    @Test
    void theTokenIsComparedWhole() {
        String token = "s3cret-scrape-token-0123456789";
        MetricsSettings settings = of("true", "  " + token + "  ");
        assertTrue(settings.isToken(token));
        assertFalse(settings.isToken(token + "x"));
        assertFalse(settings.isToken(token.substring(1)));
        assertFalse(settings.isToken(""));
        assertFalse(settings.isToken(null));
    }

    @Test
    void withoutATokenNoTokenIsTheScrapeToken() {
        MetricsSettings settings = of("true", "   ");
        assertTrue(settings.enabled());
        assertFalse(settings.isToken(""));
        assertFalse(settings.isToken("anything-at-all-long-enough"));
    }
}
