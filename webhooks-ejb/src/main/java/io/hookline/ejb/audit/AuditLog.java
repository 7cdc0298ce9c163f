package io.hookline.ejb.audit;

import io.hookline.api.auth.Caller;
import io.hookline.api.view.AuditView;
import io.hookline.ejb.common.Errors;
import io.hookline.ejb.common.Like;
import io.hookline.ejb.common.ListWindow;
import io.hookline.ejb.common.Page;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
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

    /** The console's sortable columns: sort key → entity field; anything else is ignored (newest first). */
    public static final Map<String, String> SORTABLE =
            Map.of("createAt", "a.createAt", "action", "a.action", "ipAddress", "a.ipAddress");

    /** The default order, newest first (ix_audits_create_at). */
    static final String DEFAULT_ORDER = "a.createAt DESC, a.id DESC";

    /**
     * One page of the entries {@code filter} lets through, newest first unless {@code window} sorts by one of
     * {@link #SORTABLE}; system admins only. The System Console's audit log.
     */
    public List<AuditView> search(Caller caller, AuditFilter filter, ListWindow window) {
        requireAdmin(caller);
        TypedQuery<Audit> query = em.createQuery(
                "SELECT a FROM Audit a" + where(filter) + " ORDER BY "
                        + window.orderBy(SORTABLE, DEFAULT_ORDER, "a.id"),
                Audit.class);
        return window.apply(bind(query, filter))
                .getResultStream()
                .map(Audit::view)
                .toList();
    }

    /** How many entries {@code filter} lets through in all; system admins only. */
    public long count(Caller caller, AuditFilter filter) {
        requireAdmin(caller);
        return bind(em.createQuery("SELECT COUNT(a) FROM Audit a" + where(filter), Long.class), filter)
                .getSingleResult();
    }

    /** The conditions for what {@code filter} sets; values are bound as parameters by {@link #bind}. */
    static String where(AuditFilter filter) {
        StringBuilder where = new StringBuilder();
        if (!Like.blank(filter.actor())) {
            and(where, "a.userId IN (SELECT u.id FROM User u WHERE u.username LIKE :actor" + Like.ESCAPE_CLAUSE + ")");
        }
        if (!Like.blank(filter.action())) {
            and(where, "LOWER(a.action) LIKE :action" + Like.ESCAPE_CLAUSE);
        }
        if (filter.fromMillis() != null) {
            and(where, "a.createAt >= :from");
        }
        if (filter.toMillis() != null) {
            and(where, "a.createAt < :to");
        }
        return where.toString();
    }

    private static void and(StringBuilder where, String condition) {
        where.append(where.isEmpty() ? " WHERE " : " AND ").append(condition);
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, AuditFilter filter) {
        if (!Like.blank(filter.actor())) {
            String actor = filter.actor().trim();
            query.setParameter("actor", Like.contains(actor.startsWith("@") ? actor.substring(1) : actor));
        }
        if (!Like.blank(filter.action())) {
            query.setParameter("action", Like.contains(filter.action()));
        }
        if (filter.fromMillis() != null) {
            query.setParameter("from", filter.fromMillis());
        }
        if (filter.toMillis() != null) {
            query.setParameter("to", filter.toMillis());
        }
        return query;
    }

    private static void requireAdmin(Caller caller) {
        if (caller == null || !caller.systemAdmin()) {
            throw Errors.forbidden();
        }
    }

    static String logLine(AuditView entry) {
        return entry.action() + " by " + entry.userId()
                + (entry.ipAddress().isEmpty() ? "" : " from " + entry.ipAddress()) + ": " + entry.extraInfo();
    }
}
