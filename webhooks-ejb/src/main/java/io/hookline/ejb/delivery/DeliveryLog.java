package io.hookline.ejb.delivery;

import io.hookline.ejb.common.LogThrottle;
import io.hookline.ejb.config.DeploymentConfig;
import io.hookline.ejb.metrics.HooklineMeters;
import io.hookline.ejb.settings.CurrentSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The per-hook delivery log (issue 8, beyond Mattermost): every answer of {@code POST /hooks/{id}} is offered
 * here by the web tier and written to the database in the background, so the hook's hot path pays for one
 * offer to a bounded in-memory queue and nothing else.
 *
 * <p>{@link DeliveryLogScheduler} calls {@link #flush()} every {@code HOOKLINE_DELIVERY_LOG_FLUSH_MILLIS}; it
 * drains the queue in batches of at most {@link #MAX_BATCH}, each written in one transaction by
 * {@link DeliveryLogWriter} (which keeps only hooks that exist and prunes each to its newest
 * {@code ServiceSettings.HookDeliveryLogSize}). When the queue is full, or the database refuses a batch, the
 * deliveries are dropped and counted, with a warning at most once a minute: the log is a debugging aid and must
 * never slow down, stop or grow with a flood or an outage.
 */
@ApplicationScoped
public class DeliveryLog {

    /** Deployment setting: how many deliveries may wait for the writer (memory: a few hundred bytes each). */
    public static final String QUEUE_CAPACITY = "HOOKLINE_DELIVERY_LOG_QUEUE_CAPACITY";
    /** Two seconds of the 5,000 requests a second issue 9 asks for, about 3 MB at most. */
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;

    public static final int MIN_QUEUE_CAPACITY = 1;
    public static final int MAX_QUEUE_CAPACITY = 1_000_000;

    /** Rows written per transaction: a whole interval of a busy server, in a transaction that stays short. */
    static final int MAX_BATCH = 1_000;

    private static final Logger LOG = Logger.getLogger(DeliveryLog.class.getName());

    @Inject
    private CurrentSettings settings;

    @Inject
    private DeliveryLogWriter writer;

    @Inject
    @ConfigProperty(name = QUEUE_CAPACITY)
    private Optional<String> queueCapacitySetting;

    @Inject
    private HooklineMeters meters;

    private DeliveryQueue queue;
    private Counter dropped;
    private final LogThrottle queueFull = new LogThrottle(LogThrottle.DEFAULT_INTERVAL);
    private final LogThrottle writeFailed = new LogThrottle(LogThrottle.DEFAULT_INTERVAL);
    /** The retention the stored log was last brought to; -1 until the first flush brings it there. */
    private int prunedTo = -1;

    @PostConstruct
    void createQueue() {
        queue = new DeliveryQueue(DeploymentConfig.integer(
                QUEUE_CAPACITY, queueCapacitySetting, DEFAULT_QUEUE_CAPACITY, MIN_QUEUE_CAPACITY, MAX_QUEUE_CAPACITY));
        Gauge.builder("hookline.delivery.log.queue", queue, DeliveryQueue::size)
                .description("Deliveries waiting to be written to the delivery log (the backlog)")
                .register(meters.registry());
        dropped = Counter.builder("hookline.delivery.log.dropped")
                .description("Deliveries dropped: the queue was full, or the database refused their batch")
                .register(meters.registry());
    }

    /** Whether deliveries are kept at all ({@code ServiceSettings.HookDeliveryLogSize} above 0). */
    public boolean enabled() {
        return settings.get().hookDeliveryLogSize() > 0;
    }

    /** Hands a delivery to the writer. Never blocks and never fails: when the queue is full it is dropped. */
    public void record(DeliveryAttempt attempt) {
        if (!queue.offer(attempt)) {
            dropped.increment();
            queueFull.warnLost(
                    LOG,
                    1,
                    () -> "Hook delivery log queue full (" + queue.capacity() + " waiting, " + QUEUE_CAPACITY
                            + "): deliveries dropped",
                    null);
        }
    }

    /** How many deliveries may wait at most. */
    public int capacity() {
        return queue.capacity();
    }

    /**
     * Writes what is queued, one transaction per {@link #MAX_BATCH}, after bringing the stored log to a changed
     * retention. Stops at the first failure (that batch is dropped; the next call tries again), so a database
     * that is down costs one attempt per interval. For {@link DeliveryLogScheduler}: one call at a time.
     */
    public void flush() {
        int keep = settings.get().hookDeliveryLogSize();
        if (keep != prunedTo) {
            try {
                writer.pruneAll(keep);
                prunedTo = keep;
            } catch (RuntimeException failed) {
                writeFailed.warnLost(
                        LOG, 0, () -> "Hook delivery log could not apply HookDeliveryLogSize " + keep, failed);
            }
        }
        // At most a queue's worth per call, so a flood that keeps the queue full cannot keep this loop going.
        for (int written = 0; written < queue.capacity(); written += MAX_BATCH) {
            List<DeliveryAttempt> batch = queue.drain(MAX_BATCH);
            if (batch.isEmpty()) {
                return;
            }
            try {
                writer.write(DeliveryBatch.newestPerHook(batch, keep), keep);
            } catch (RuntimeException failed) {
                dropped.increment(batch.size());
                writeFailed.warnLost(
                        LOG,
                        batch.size(),
                        () -> "Hook delivery log write failed (database down?): " + "deliveries dropped",
                        failed);
                return;
            }
            if (batch.size() < MAX_BATCH) {
                return;
            }
        }
    }
}
