package io.hookline.ejb.schema;

import static io.hookline.ejb.metrics.MeteredConnections.User.MIGRATIONS;

import io.hookline.ejb.metrics.MeteredConnections;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the version this build expects, at deployment, before anything touches the
 * database: the Flyway migrations under {@code db/migration}, the same on H2 and PostgreSQL, plus on
 * PostgreSQL those under {@code db/postgresql} (the triggers that let several servers share one database:
 * {@code io.hookline.ejb.cluster}). Several servers starting at once migrate once: Flyway holds a PostgreSQL
 * advisory lock while it migrates, and the others find the schema current.
 */
@Singleton
@Startup
public class SchemaMigrator {

    static final String COMMON = "classpath:db/migration";
    static final String POSTGRESQL = "classpath:db/postgresql";

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    // The same data source as the persistence unit (persistence.xml).
    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    /** The schema's version once {@link #migrate()} has finished, null before (read by {@link SchemaCheck}). */
    private volatile String migratedVersion;

    /** Outside a JTA transaction: Flyway commits each migration itself, as DDL on PostgreSQL is transactional. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        MigrateResult result = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(MeteredConnections.counted(dataSource, MIGRATIONS))
                .locations(locations(dataSource))
                .load()
                .migrate();
        // Null when nothing was applied now: then the version it started at is the current one.
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        migratedVersion = version == null ? "empty" : version;
        LOG.info(() -> "Hookline schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now, database " + result.database + ")");
    }

    /** The schema's version once the migrations have run, or null before. A read: no lock, no transaction. */
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String migratedVersion() {
        return migratedVersion;
    }

    /** The common migrations, and PostgreSQL's own where the database is PostgreSQL. */
    static String[] locations(DataSource dataSource) {
        return isPostgres(productName(dataSource)) ? new String[] {COMMON, POSTGRESQL} : new String[] {COMMON};
    }

    static boolean isPostgres(String productName) {
        return productName.toLowerCase(Locale.ROOT).contains("postgresql");
    }

    private static String productName(DataSource dataSource) {
        try (Connection connection = MeteredConnections.open(dataSource, MIGRATIONS)) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException unreachable) {
            throw new IllegalStateException("Cannot reach the database to migrate its schema", unreachable);
        }
    }
}
