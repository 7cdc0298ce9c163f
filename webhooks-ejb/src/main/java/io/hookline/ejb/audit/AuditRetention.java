package io.hookline.ejb.audit;

import io.hookline.ejb.config.DeploymentConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the audit log bounded: the newest {@link #retention()} entries stay, older ones are deleted at
 * deployment and every hour. A busy server cannot grow the table without limit, and an admin still sees
 * months of hook and settings changes at the default.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class AuditRetention {

    /** Deployment setting ({@link DeploymentConfig}) that sets how many entries are kept. */
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

    @Inject
    @ConfigProperty(name = RETENTION_SETTING)
    private Optional<String> retentionSetting;

    private int retention;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void start() {
        retention = retention(retentionSetting);
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
            LOG.log(Level.INFO, "Audit log pruned to the newest {0} entries: {1} deleted", new Object[] {
                retention, deleted
            });
        }
    }

    /** The configured retention, or the default (with a warning) when it is missing or not a whole number ≥ 1. */
    static int retention(Optional<String> configured) {
        return DeploymentConfig.integer(
                RETENTION_SETTING, configured, DEFAULT_RETENTION, MIN_RETENTION, Integer.MAX_VALUE);
    }
}
