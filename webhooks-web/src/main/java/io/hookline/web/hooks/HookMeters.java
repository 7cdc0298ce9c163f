package io.hookline.web.hooks;

import io.hookline.ejb.hook.ActiveHooks;
import io.hookline.ejb.metrics.BoundedSeries;
import io.hookline.ejb.metrics.HooklineMeters;
import io.hookline.ejb.metrics.MetricsSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.UnaryOperator;

/**
 * The hook requests in {@code GET /metrics}, recorded once per request by {@link HookExchangeFilter}:
 * <ul>
 * <li>{@code hookline_hook_requests_total{outcome, status}}: {@link HookOutcomes} and the status answered;</li>
 * <li>{@code hookline_hook_request_seconds{result}}: a latency histogram, {@code ok} apart from the refusals
 * (which are fast and would hide a slow commit);</li>
 * <li>{@code hookline_hook_requests_by_hook_total{hook, result}}: per hook, labelled with the hook's console key,
 * never its id (the id is the hook's whole credential). Only hooks the hook path has already found get their key:
 * an unknown id, one that is no hook's, and a request refused before the look-up while the cache does not hold its
 * hook count under {@value #UNKNOWN_HOOK}, so no request can make a series of its own. The first
 * {@code HOOKLINE_METRICS_MAX_HOOKS} hooks seen have a series each, the rest share {@value #OTHER_HOOKS}.</li>
 * </ul>
 * Every meter is made once; recording is array and map reads and an atomic add, no allocation.
 */
@ApplicationScoped
public class HookMeters {

    /** Label of requests whose hook is not known (never a console key: those are 1 to 16 of [a-z0-9]). */
    static final String UNKNOWN_HOOK = "_unknown";
    /** Label shared by the hooks past the per-hook limit. */
    static final String OTHER_HOOKS = "_other";

    static final String RESULT_OK = "ok";
    static final String RESULT_ERROR = "error";

    /** From a cached answer (about a millisecond) to the longest a request waits for its commit and past it. */
    static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2_500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    /** Statuses with a series each: every HTTP status; anything else shares the last slot. */
    private static final int FIRST_STATUS = 100;

    private static final int LAST_STATUS = 599;

    @Inject
    private HooklineMeters meters;

    @Inject
    private ActiveHooks activeHooks;

    private Map<String, AtomicReferenceArray<Counter>> byOutcome;
    private Timer okLatency;
    private Timer errorLatency;
    private BoundedSeries<HookCounters> byHook;
    private HookCounters unknownHook;
    private MeterRegistry registry;
    private UnaryOperator<String> consoleKeys;

    /** One hook's two counters. */
    record HookCounters(Counter ok, Counter error) {}

    /** For CDI. */
    public HookMeters() {}

    /** For tests: another registry, a hook id's console key from {@code consoleKeys}, at most {@code maxHooks}. */
    HookMeters(MeterRegistry registry, UnaryOperator<String> consoleKeys, int maxHooks) {
        this.consoleKeys = consoleKeys;
        register(registry, maxHooks);
    }

    @PostConstruct
    void register() {
        consoleKeys = activeHooks::cachedConsoleKey;
        register(meters.registry(), MetricsSettings.fromDeployment().maxHooks());
    }

    private void register(MeterRegistry into, int maxHooks) {
        registry = into;
        Map<String, AtomicReferenceArray<Counter>> outcomes = new HashMap<>();
        for (String outcome : HookOutcomes.LABELS) {
            outcomes.put(outcome, new AtomicReferenceArray<>(LAST_STATUS - FIRST_STATUS + 2));
        }
        byOutcome = Map.copyOf(outcomes);
        okLatency = latency(RESULT_OK);
        errorLatency = latency(RESULT_ERROR);
        byHook = new BoundedSeries<>(maxHooks, OTHER_HOOKS, this::hookCounters);
        unknownHook = hookCounters(UNKNOWN_HOOK);
    }

    /**
     * One answered hook request.
     *
     * @param status the status answered
     * @param errorId the error body's id, empty for none, null when no hook resource answered
     * @param hookId the hook id of the URL, when it was well formed; null otherwise
     * @param nanos how long the request took
     */
    void record(int status, String errorId, String hookId, long nanos) {
        String outcome = HookOutcomes.of(status, errorId);
        boolean ok = HookOutcomes.OK.equals(outcome);
        statusCounter(outcome, status).increment();
        (ok ? okLatency : errorLatency).record(nanos, TimeUnit.NANOSECONDS);
        String key = consoleKeys.apply(hookId);
        HookCounters hook = key == null ? unknownHook : byHook.of(key);
        (ok ? hook.ok() : hook.error()).increment();
    }

    private Counter statusCounter(String outcome, int status) {
        AtomicReferenceArray<Counter> byStatus = byOutcome.get(outcome);
        int slot = status >= FIRST_STATUS && status <= LAST_STATUS ? status - FIRST_STATUS : byStatus.length() - 1;
        Counter counter = byStatus.get(slot);
        if (counter == null) {
            // Made once per outcome and status; the registry hands back the same counter to a racing request.
            counter = Counter.builder("hookline.hook.requests")
                    .description("Hook requests answered, by outcome (ok or the error id) and status")
                    .tag("outcome", outcome)
                    .tag("status", slot == byStatus.length() - 1 ? "other" : Integer.toString(status))
                    .register(registry);
            byStatus.set(slot, counter);
        }
        return counter;
    }

    private Timer latency(String result) {
        return Timer.builder("hookline.hook.request")
                .description("Hook request duration, from the first filter to the answer written")
                .tag("result", result)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    private HookCounters hookCounters(String label) {
        return new HookCounters(hookCounter(label, RESULT_OK), hookCounter(label, RESULT_ERROR));
    }

    private Counter hookCounter(String label, String result) {
        return Counter.builder("hookline.hook.requests.by.hook")
                .description("Hook requests per hook, labelled with the hook's console key (never its id)")
                .tag("hook", label)
                .tag("result", result)
                .register(registry);
    }
}
