package io.hookline.ejb.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the database answers. Reads {@link DatabaseHealth}, so a probe every few seconds costs no more than
 * the one check a second the ping and the error mapper already share.
 */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    public static final String NAME = "database";

    @Inject
    private DatabaseHealth database;

    public DatabaseCheck() {}

    /** For tests: another reading of the database. */
    DatabaseCheck(DatabaseHealth database) {
        this.database = database;
    }

    @Override
    public HealthCheckResponse call() {
        return answer(database.isUp());
    }

    static HealthCheckResponse answer(boolean up) {
        return new HealthCheckResponse(
                NAME,
                up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(Map.of("checked_at_most_every_ms", DatabaseHealth.RECHECK_MILLIS)));
    }
}
