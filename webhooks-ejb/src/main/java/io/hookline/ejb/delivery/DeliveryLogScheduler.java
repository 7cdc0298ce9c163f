package io.hookline.ejb.delivery;

import io.hookline.ejb.config.DeploymentConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs {@link DeliveryLog#flush()} on the server's managed scheduler from deployment to undeploy: started with
 * the application (so a lowered {@code HookDeliveryLogSize} is applied even while no hook posts), stopped when
 * it stops. Deliveries still queued at undeploy are lost: at most one interval's worth.
 */
@Singleton
@Startup
@DependsOn("SettingsService")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryLogScheduler {

    /** Deployment setting: milliseconds between two drains of the queue. */
    public static final String FLUSH_INTERVAL = "HOOKLINE_DELIVERY_LOG_FLUSH_MILLIS";
    /** A delivery shows in the console and the API this soon after its answer. */
    public static final int DEFAULT_FLUSH_INTERVAL_MILLIS = 200;

    public static final int MIN_FLUSH_INTERVAL_MILLIS = 10;
    public static final int MAX_FLUSH_INTERVAL_MILLIS = 200;

    private static final Logger LOG = Logger.getLogger(DeliveryLogScheduler.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private DeliveryLog log;

    @Inject
    @ConfigProperty(name = FLUSH_INTERVAL)
    private Optional<String> flushIntervalSetting;

    private ScheduledFuture<?> flushing;

    @PostConstruct
    void start() {
        int interval = DeploymentConfig.integer(
                FLUSH_INTERVAL,
                flushIntervalSetting,
                DEFAULT_FLUSH_INTERVAL_MILLIS,
                MIN_FLUSH_INTERVAL_MILLIS,
                MAX_FLUSH_INTERVAL_MILLIS);
        // Fixed delay: a slow write (a database that hangs) delays the next one instead of piling them up.
        flushing = scheduler.scheduleWithFixedDelay(this::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info(() ->
                "Hook delivery log: up to " + log.capacity() + " deliveries wait, written every " + interval + " ms");
    }

    /** A write in progress finishes its transaction; no further one starts. */
    @PreDestroy
    void stop() {
        if (flushing != null) {
            flushing.cancel(false);
        }
    }

    /** A failure must not escape: the scheduler would never run the task again. */
    private void flushQuietly() {
        try {
            log.flush();
        } catch (RuntimeException unexpected) {
            LOG.log(Level.WARNING, "Hook delivery log flush failed", unexpected);
        }
    }
}
