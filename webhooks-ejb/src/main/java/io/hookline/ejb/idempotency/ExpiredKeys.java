package io.hookline.ejb.idempotency;

import io.hookline.ejb.settings.CurrentSettings;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes keys older than {@code ServiceSettings.IdempotencyWindowSeconds} every minute, in bounded batches:
 * each statement deletes at most {@link #BATCH_ROWS} rows in its own short transaction (no long lock on the
 * table the hook path writes), at most {@link #MAX_BATCHES_PER_RUN} a run. An expired key that is still there is
 * harmless: the look-up treats it as new and the new write replaces it. Each node runs it; deleting is idempotent.
 */
@Singleton
public class ExpiredKeys {

    /** Rows one delete statement removes at most. */
    public static final int BATCH_ROWS = 1_000;
    /** Statements one run issues at most: 60,000 rows a minute, more than the hook rate limits let in. */
    public static final int MAX_BATCHES_PER_RUN = 60;

    private static final Logger LOG = Logger.getLogger(ExpiredKeys.class.getName());

    @Inject
    private IdempotencyKeys keys;

    @Inject
    private CurrentSettings settings;

    @Schedule(hour = "*", minute = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void prune() {
        try {
            int deleted = prune(keys, System.currentTimeMillis(), settings.get().idempotencyWindowSeconds() * 1000L);
            if (deleted > 0) {
                LOG.log(Level.FINE, "Deleted {0} expired idempotency keys", deleted);
            }
        } catch (RuntimeException e) {
            // The next run tries again; a database outage must not flood the log every minute.
            LOG.log(Level.FINE, "Expired idempotency keys not deleted", e);
        }
    }

    /** One run: batches until one comes back short or the run's bound is reached; answers the rows deleted. */
    static int prune(IdempotencyKeys keys, long now, long windowMillis) {
        // Rows exactly windowMillis old are expired (KeyDecision), so the cutoff is exclusive one after.
        long cutoff = now - windowMillis + 1;
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int deleted = keys.deleteExpired(cutoff, BATCH_ROWS);
            total += deleted;
            if (deleted < BATCH_ROWS) {
                break;
            }
        }
        return total;
    }
}
