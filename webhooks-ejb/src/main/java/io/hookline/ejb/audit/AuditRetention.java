package io.hookline.ejb.audit;

import io.hookline.ejb.setup.DeploymentConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the audit log bounded: the newest {@link #retention()} entries stay, older ones are deleted at
 * deployment and every hour. A busy server cannot grow the table without limit, and an admin still sees
 * months of hook and settings changes at the default.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class AuditRetention {

    /** Environment variable (or JVM system property) that sets how many entries are kept. */
    public static final String RETENTION_SETTING = "HOOKLINE_AUDIT_RETENTION";
    /** Entries kept unless {@value #RETENTION_SETTING} says otherwise. */
    public static final int DEFAULT_RETENTION = 100_000;
    /** Fewest entries an admin may ask to keep. */
    public static final int MIN_RETENTION = 1;

    /**
     * Deletes every entry older than the {@code ?}-th newest (entries of the same millisecond as that one
     * stay too). Plain SQL that H2 and PostgreSQL both run; the inner query walks ix_audits_create_at.
     */
    static final String PRUNE_SQL = "DELETE FROM audits WHERE create_at < (SELECT MIN(create_at) FROM "
            + "(SELECT create_at FROM audits ORDER BY create_at DESC FETCH FIRST ? ROWS ONLY) newest)";

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @PersistenceContext
    private EntityManager em;

    private int retention;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void start() {
        retention = retention(DeploymentConfig.get(RETENTION_SETTING));
        prune();
    }

    public int retention() {
        return retention;
    }

    /** Deletes all but the newest {@link #retention()} entries. */
    @Schedule(hour = "*", minute = "17", persistent = false)
    public void prune() {
        int deleted = em.createNativeQuery(PRUNE_SQL).setParameter(1, retention).executeUpdate();
        if (deleted > 0) {
            LOG.log(Level.INFO, "Audit log pruned to the newest {0} entries: {1} deleted",
                    new Object[] {retention, deleted});
        }
    }

    /** The configured retention, or the default (with a warning) when it is missing or not a whole number ≥ 1. */
    static int retention(Optional<String> configured) {
        if (configured.isEmpty()) {
            return DEFAULT_RETENTION;
        }
        try {
            int value = Integer.parseInt(configured.get().trim());
            if (value >= MIN_RETENTION) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        LOG.log(Level.WARNING, "{0} must be a whole number of at least {1}; keeping the newest {2} audit entries",
                new Object[] {RETENTION_SETTING, MIN_RETENTION, DEFAULT_RETENTION});
        return DEFAULT_RETENTION;
    }
}
