package io.hookline.web.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HookOutcomesTest {

    @ParameterizedTest
    @CsvSource({
        "200, '', ok",
        "204, '', ok",
        "404, '', other",
        "500, '', other",
        "400, invalid_payload, invalid_payload",
        "404, no_service, no_service",
        "429, too_many_requests, too_many_requests",
        "200, idempotent_replay, idempotent_replay",
        "503, database_unavailable, database_unavailable",
        "404, api.context.404.app_error, other",
        "400, made-up-by-a-sender, other"
    })
    void outcome(int status, String errorId, String expected) {
        assertEquals(expected, HookOutcomes.of(status, errorId));
    }

    @ParameterizedTest
    @CsvSource({"200", "405", "500"})
    void noHookResourceAnsweredIsOther(int status) {
        assertEquals(HookOutcomes.OTHER, HookOutcomes.of(status, null));
    }

    static java.util.stream.Stream<String> errorIds() {
        return HookOutcomes.ERROR_IDS.stream();
    }

    @ParameterizedTest
    @MethodSource("errorIds")
    void everyKnownErrorIdIsItsOwnLabel(String errorId) {
        assertEquals(errorId, HookOutcomes.of(400, errorId));
        assertTrue(HookOutcomes.LABELS.contains(errorId));
    }

    @org.junit.jupiter.api.Test
    void theLabelsAreTheErrorIdsOkAndOther() {
        assertEquals(HookOutcomes.ERROR_IDS.size() + 2, HookOutcomes.LABELS.size());
    }
}
