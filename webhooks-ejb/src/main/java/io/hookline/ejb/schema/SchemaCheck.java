package io.hookline.ejb.schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the schema migrations have run ({@link SchemaMigrator}); DOWN until they have. */
@Readiness
@ApplicationScoped
public class SchemaCheck implements HealthCheck {

    public static final String NAME = "schema";

    @Inject
    private SchemaMigrator migrator;

    @Override
    public HealthCheckResponse call() {
        return answer(migrator.migratedVersion());
    }

    /** UP with the schema's version once migrated ({@code version} not null), else DOWN. */
    static HealthCheckResponse answer(String version) {
        return version == null
                ? new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN, Optional.empty())
                : new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.of(Map.of("version", version)));
    }
}
