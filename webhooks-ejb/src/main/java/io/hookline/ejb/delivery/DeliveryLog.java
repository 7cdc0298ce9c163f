package io.hookline.ejb.delivery;

import io.hookline.ejb.settings.SettingsService;
import io.hookline.ejb.setup.DeploymentConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The per-hook delivery log (issue 8, beyond Mattermost): every answer of {@code POST /hooks/{id}} is offered
 * here by the web tier and written to the database in the background, so the hook's hot path pays for one
 * offer to a bounded in-memory queue and nothing else.
 *
 * <p>Every {@link #FLUSH_INTERVAL_MILLIS} the server's managed scheduler drains the queue in batches of at most
 * {@link #MAX_BATCH}, each written in one transaction by {@link DeliveryLogWriter} (which keeps only hooks that
 * exist and prunes each to its newest {@code ServiceSettings.HookDeliveryLogSize}). When the queue is full, or
 * the database refuses a batch, the deliveries are dropped and counted, with a warning at most once a minute:
 * the log is a debugging aid and must never slow down, stop or grow with a flood or an outage. Deliveries still
 * queued when the application stops are lost (at most one interval's worth).
 */
@ApplicationScoped
public class DeliveryLog {

    /** Deployment setting: how many deliveries may wait for the writer (memory: a few hundred bytes each). */
    public static final String QUEUE_CAPACITY = "HOOKLINE_DELIVERY_LOG_QUEUE_CAPACITY";
    /** Two seconds of the 5,000 requests a second issue 9 asks for, about 3 MB at most. */
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    public static final int MIN_QUEUE_CAPACITY = 1;
    public static final int MAX_QUEUE_CAPACITY = 1_000_000;

    /** Deployment setting: milliseconds between two drains of the queue. */
    public static final String FLUSH_INTERVAL = "HOOKLINE_DELIVERY_LOG_FLUSH_MILLIS";
    /** A delivery shows in the console and the API this soon after its answer. */
    public static final int DEFAULT_FLUSH_INTERVAL_MILLIS = 200;
    public static final int MIN_FLUSH_INTERVAL_MILLIS = 10;
    public static final int MAX_FLUSH_INTERVAL_MILLIS = 200;

    /** Rows written per transaction: a whole interval of a busy server, in a transaction that stays short. */
    static final int MAX_BATCH = 1_000;

    private static final Logger LOG = Logger.getLogger(DeliveryLog.class.getName());
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

    @Inject
    private SettingsService settings;

    @Inject
    private DeliveryLogWriter writer;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    private DeliveryQueue queue;
    private ScheduledFuture<?> flushing;
    private final ThrottledWarning queueFull = new ThrottledWarning(LOG, WARNING_INTERVAL, System::nanoTime);
    private final ThrottledWarning writeFailed = new ThrottledWarning(LOG, WARNING_INTERVAL, System::nanoTime);
    /** The retention the log was last brought to; -1 until the first flush brings it there. */
    private int prunedTo = -1;

    @PostConstruct
    void start() {
        queue = new DeliveryQueue(DeploymentConfig.integer(QUEUE_CAPACITY, DEFAULT_QUEUE_CAPACITY,
                MIN_QUEUE_CAPACITY, MAX_QUEUE_CAPACITY));
        long interval = DeploymentConfig.integer(FLUSH_INTERVAL, DEFAULT_FLUSH_INTERVAL_MILLIS,
                MIN_FLUSH_INTERVAL_MILLIS, MAX_FLUSH_INTERVAL_MILLIS);
        // Fixed delay: a slow write (a database that hangs) delays the next one instead of piling them up.
        flushing = scheduler.scheduleWithFixedDelay(this::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
        LOG.fine(() -> "Delivery log: queue of " + queue.capacity() + ", written every " + interval + " ms");
    }

    /** Stops the writer at undeploy; a write in progress finishes its transaction. */
    @PreDestroy
    void stop() {
        if (flushing != null) {
            flushing.cancel(false);
        }
    }

    /** Whether deliveries are kept at all ({@code ServiceSettings.HookDeliveryLogSize} above 0). */
    public boolean enabled() {
        return settings.current().hookDeliveryLogSize() > 0;
    }

    /** Hands a delivery to the writer. Never blocks and never fails: when the queue is full it is dropped. */
    public void record(DeliveryAttempt attempt) {
        if (!queue.offer(attempt)) {
            queueFull.occurred(1, () -> "Delivery log queue full (" + queue.capacity() + " waiting, "
                    + QUEUE_CAPACITY + "): deliveries dropped", null);
        }
    }

    /** The scheduled task: a failure must not escape, or the scheduler would never run it again. */
    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException unexpected) {
            LOG.log(Level.WARNING, "Delivery log flush failed", unexpected);
        }
    }

    /**
     * Writes what is queued, one transaction per {@link #MAX_BATCH}. Stops at the first failure (that batch is
     * dropped; the next interval tries again), so a database that is down costs one attempt per interval.
     */
    void flush() {
        int keep = settings.current().hookDeliveryLogSize();
        if (keep != prunedTo) {
            try {
                writer.pruneAll(keep);
                prunedTo = keep;
            } catch (RuntimeException failed) {
                writeFailed.occurred(0, () -> "Delivery log could not apply HookDeliveryLogSize " + keep, failed);
            }
        }
        // At most a queue's worth per interval, so a flood that keeps the queue full cannot keep this loop going.
        for (int written = 0; written < queue.capacity(); written += MAX_BATCH) {
            List<DeliveryAttempt> batch = queue.drain(MAX_BATCH);
            if (batch.isEmpty()) {
                return;
            }
            try {
                writer.write(DeliveryBatch.newestPerHook(batch, keep), keep);
            } catch (RuntimeException failed) {
                writeFailed.occurred(batch.size(), () -> "Delivery log write failed (database down?): deliveries "
                        + "dropped", failed);
                return;
            }
            if (batch.size() < MAX_BATCH) {
                return;
            }
        }
    }
}
