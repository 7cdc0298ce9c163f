package io.hookline.ejb.post;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Liveness: every writer thread still runs ({@link PostWriterChecks#threads}); none is restarted in place. */
@Liveness
@ApplicationScoped
public class PostWriterLiveness implements HealthCheck {

    @Inject
    private PostWriter writer;

    @Override
    public HealthCheckResponse call() {
        return PostWriterChecks.threads(writer.aliveWriters(), writer.writerCount());
    }
}
