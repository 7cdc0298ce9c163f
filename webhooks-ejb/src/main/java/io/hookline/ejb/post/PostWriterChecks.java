package io.hookline.ejb.post;

import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * What the health probes say about {@link PostWriter}: pure functions of its numbers, so the DOWN rules are
 * tested without threads or a database.
 */
public final class PostWriterChecks {

    /** Readiness check's name: the writer's queue has room. */
    public static final String QUEUE = "post-writer-queue";
    /** Liveness check's name: every writer thread runs. */
    public static final String THREADS = "post-writer-threads";
    /**
     * Share of {@link PostWriter#QUEUE_CAPACITY} (in percent) at which the writer counts as saturated and the
     * server as not ready: a load balancer then sends new hooks elsewhere before this server starts refusing
     * them with 503 at the full queue. Below 100 so that the probe says so while there is still room.
     */
    public static final int SATURATED_PERCENT = 90;

    private PostWriterChecks() {}

    /** True when {@code waiting} requests fill at least {@link #SATURATED_PERCENT} of {@code capacity}. */
    public static boolean saturated(int waiting, int capacity) {
        return (long) waiting * 100 >= (long) capacity * SATURATED_PERCENT;
    }

    /** Readiness: DOWN while the queue is saturated. */
    public static HealthCheckResponse queue(int waiting, int capacity) {
        return new HealthCheckResponse(
                QUEUE,
                saturated(waiting, capacity) ? HealthCheckResponse.Status.DOWN : HealthCheckResponse.Status.UP,
                Optional.of(Map.of(
                        "waiting", (long) waiting,
                        "capacity", (long) capacity,
                        "saturated_percent", (long) SATURATED_PERCENT)));
    }

    /** Liveness: DOWN when a writer thread has ended (only a restart brings it back). */
    public static HealthCheckResponse threads(int alive, int expected) {
        return new HealthCheckResponse(
                THREADS,
                alive >= expected ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(Map.of("alive", (long) alive, "expected", (long) expected)));
    }
}
