package io.hookline.ejb.lookup;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Bumps {@link LookupVersion} when an entity routing reads is written. Twice: at flush, and again once
 * the transaction has completed. The second bump is the one that matters: a hook request that read the
 * old row after the first bump but before the commit would otherwise keep it cached under the new version.
 * Bulk JPQL updates and deletes bypass entity callbacks: their callers call {@link LookupVersion#changed()}
 * themselves (and register {@link #afterThisTransaction()}).
 */
public class LookupChangeListener {

    private static final Logger LOG = Logger.getLogger(LookupChangeListener.class.getName());
    private static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(Object entity) {
        afterThisTransaction();
    }

    /** Bumps the version now and when the current transaction ends (now only, outside a transaction). */
    public static void afterThisTransaction() {
        LookupVersion.changed();
        try {
            TransactionSynchronizationRegistry registry = InitialContext.doLookup(REGISTRY);
            if (registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
                registry.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {}

                    @Override
                    public void afterCompletion(int status) {
                        LookupVersion.changed();
                    }
                });
            }
        } catch (NamingException | IllegalStateException e) {
            // No registry (a unit test) or a transaction already completing: the bump above stands.
            LOG.log(Level.FINE, "No transaction to follow for a look-up change", e);
        }
    }
}
