package io.hookline.web.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HookMetersTest {

    /** Two hooks the hook path knows: their URL ids (secrets) and console keys. */
    private static final String HOOK_A = "aaaaaaaaaaaaaaaaaaaaaaaaaa";

    private static final String HOOK_B = "bbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static final String HOOK_C = "cccccccccccccccccccccccccc";
    private static final Map<String, String> KEYS = Map.of(HOOK_A, "keya", HOOK_B, "keyb", HOOK_C, "keyc");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private HookMeters meters(int maxHooks) {
        return new HookMeters(registry, id -> id == null ? null : KEYS.get(id), maxHooks);
    }

    private double requests(String outcome, String status) {
        return registry.get("hookline.hook.requests")
                .tag("outcome", outcome)
                .tag("status", status)
                .counter()
                .count();
    }

    private double byHook(String hook, String result) {
        return count(registry, "hookline.hook.requests.by.hook", "hook", hook, "result", result);
    }

    private static double count(MeterRegistry registry, String name, String... tags) {
        var search = registry.find(name).tags(tags).counter();
        return search == null ? 0 : search.count();
    }

    @Test
    void outcomesStatusesAndLatency() {
        HookMeters meters = meters(10);
        meters.record(200, "", HOOK_A, 2_000_000);
        meters.record(200, "", HOOK_A, 2_000_000);
        meters.record(400, "invalid_payload", HOOK_A, 1_000_000);
        meters.record(429, HookAnswer.RATE_LIMITED, HOOK_B, 100_000);
        meters.record(404, "no_service", "zzzzzzzzzzzzzzzzzzzzzzzzzz", 100_000);
        meters.record(405, null, null, 100_000);

        assertEquals(2, requests("ok", "200"));
        assertEquals(1, requests("invalid_payload", "400"));
        assertEquals(1, requests("too_many_requests", "429"));
        assertEquals(1, requests("no_service", "404"));
        assertEquals(1, requests("other", "405"));
        assertEquals(
                2,
                registry.get("hookline.hook.request")
                        .tag("result", "ok")
                        .timer()
                        .count());
        assertEquals(
                4,
                registry.get("hookline.hook.request")
                        .tag("result", "error")
                        .timer()
                        .count());

        assertEquals(2, byHook("keya", "ok"));
        assertEquals(1, byHook("keya", "error"));
        assertEquals(1, byHook("keyb", "error"));
        assertEquals(2, byHook(HookMeters.UNKNOWN_HOOK, "error")); // the unknown id and the request with none
    }

    @Test
    void hooksPastTheLimitShareOneLabelAndUnknownIdsMakeNoSeries() {
        HookMeters meters = meters(2);
        meters.record(200, "", HOOK_A, 1);
        meters.record(200, "", HOOK_B, 1); // the second: at the limit, its own
        meters.record(200, "", HOOK_C, 1); // past it
        for (int i = 0; i < 100; i++) {
            // An attacker's random hook URLs: all under one label.
            meters.record(404, "no_service", String.format("%026d", i), 1);
        }
        assertEquals(1, byHook("keya", "ok"));
        assertEquals(1, byHook("keyb", "ok"));
        assertEquals(0, byHook("keyc", "ok"));
        assertEquals(1, byHook(HookMeters.OTHER_HOOKS, "ok"));
        assertEquals(100, byHook(HookMeters.UNKNOWN_HOOK, "error"));
        // Two hooks, _other and _unknown, each ok and error: 8 series whatever was sent.
        assertEquals(
                8, registry.find("hookline.hook.requests.by.hook").counters().size());
    }

    @Test
    void theOutputNeverShowsAHookId() {
        HookMeters meters = meters(10);
        for (String id : KEYS.keySet()) {
            meters.record(200, "", id, 1);
            meters.record(400, "invalid_payload", id, 1);
        }
        meters.record(404, "no_service", "dddddddddddddddddddddddddd", 1);
        String scrape = registry.scrape();
        assertTrue(scrape.contains("hookline_hook_requests_by_hook_total{hook=\"keya\",result=\"ok\"} 1"), scrape);
        for (String id : new String[] {HOOK_A, HOOK_B, HOOK_C, "dddddddddddddddddddddddddd"}) {
            assertFalse(scrape.contains(id.substring(0, 8)), id + " in\n" + scrape);
        }
    }

    @Test
    void theHistogramHasItsBuckets() {
        meters(10).record(200, "", HOOK_A, 3_000_000);
        String scrape = registry.scrape();
        assertTrue(scrape.contains("hookline_hook_request_seconds_bucket{result=\"ok\",le=\"0.002\"} 0"), scrape);
        assertTrue(scrape.contains("hookline_hook_request_seconds_bucket{result=\"ok\",le=\"0.005\"} 1"), scrape);
        assertTrue(scrape.contains("hookline_hook_request_seconds_bucket{result=\"ok\",le=\"+Inf\"} 1"), scrape);
    }
}
