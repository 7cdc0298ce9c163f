package io.hookline.ejb.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the group-commit writer's queue is not saturated ({@link PostWriterChecks#queue}). */
@Readiness
@ApplicationScoped
public class PostWriterReadiness implements HealthCheck {

    @Inject
    private PostWriter writer;

    @Override
    public HealthCheckResponse call() {
        return PostWriterChecks.queue(writer.waiting(), writer.capacity());
    }
}
