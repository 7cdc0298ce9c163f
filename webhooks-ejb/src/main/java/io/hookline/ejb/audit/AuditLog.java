package io.hookline.ejb.audit;

import io.hookline.api.auth.Caller;
import io.hookline.api.view.AuditView;
import io.hookline.ejb.common.Errors;
import io.hookline.ejb.common.Page;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who changed what (Mattermost's audits): hook create, update, delete and regenerate; settings changes;
 * access tokens created and revoked, passwords set by an admin, accounts (de)activated, roles changed; team
 * and channel members added and removed, channels archived and restored.
 * An entry is written in the transaction of the change, so a change that rolls back leaves none, and goes
 * to the {@value #LOGGER} logger once that transaction has committed. Callers pass hook ids masked.
 */
@Stateless
public class AuditLog {

    /** The logger every committed entry goes to, at INFO. */
    public static final String LOGGER = "io.hookline.audit";

    private static final Logger LOG = Logger.getLogger(LOGGER);

    @PersistenceContext
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** Records {@code action} on {@code target} by {@code actor}; joins (and needs) the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(Caller actor, String action, String target, AuditDetails details) {
        Audit entry = new Audit(
                actor.userId(), action, target, details.toString(), actor.remoteAddress(), System.currentTimeMillis());
        em.persist(entry);
        if (LOG.isLoggable(Level.INFO)) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        LOG.info(() -> logLine(entry.view()));
                    }
                }
            });
        }
    }

    /** The newest entries first, a page at a time; system admins only. */
    public List<AuditView> list(Caller caller, Page page) {
        if (!caller.systemAdmin()) {
            throw Errors.forbidden();
        }
        return page.apply(em.createNamedQuery(Audit.NEWEST_FIRST, Audit.class))
                .getResultStream()
                .map(Audit::view)
                .toList();
    }

    static String logLine(AuditView entry) {
        return entry.action() + " by " + entry.userId()
                + (entry.ipAddress().isEmpty() ? "" : " from " + entry.ipAddress()) + ": " + entry.extraInfo();
    }
}
