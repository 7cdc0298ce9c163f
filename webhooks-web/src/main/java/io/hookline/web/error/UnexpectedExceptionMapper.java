package io.hookline.web.error;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.common.LogThrottle;
import io.hookline.ejb.health.DatabaseFailures;
import io.hookline.ejb.health.DatabaseHealth;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else is an outage or our bug. A failure in the persistence layer while the database is
 * unreachable is an outage: 503 {@code database_unavailable} with {@code Retry-After}, so integrations
 * send it again (they retry 5xx and drop 4xx). Everything else is logged and answered 500 with no
 * stack trace. An unexpected runtime exception from an EJB arrives wrapped in {@link EJBException};
 * unwrap so a wrapped {@link HooklineException} still gets its own status. A request body that could not be
 * read, however the runtime wrapped the failure, is the client's: {@link BodyReadFailures} answers it.
 */
@Provider
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    /** Seconds a client is asked to wait after a 503 for an unreachable database; the pool reconnects within it. */
    public static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    /** At most one outage warning per interval: an outage under load fails thousands of requests. */
    static final Duration OUTAGE_LOG_INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Inject
    private DatabaseHealth database;

    private final LogThrottle outageLog = new LogThrottle(OUTAGE_LOG_INTERVAL);

    @Override
    public Response toResponse(Throwable e) {
        Throwable cause = e;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HooklineException known) {
            return new HooklineExceptionMapper().toResponse(known);
        }
        if (cause instanceof WebApplicationException web) {
            return new WebApplicationExceptionMapper().toResponse(web);
        }
        Optional<HooklineException> unreadableBody = BodyReadFailures.of(cause, "body");
        if (unreadableBody.isPresent()) {
            // A runtime that wrapped a body's parse failure in its own type: still the client's mistake.
            return new HooklineExceptionMapper().toResponse(unreadableBody.get());
        }
        if (databaseUnavailable(e)) {
            if (outageLog.pass()) {
                LOG.log(
                        Level.WARNING,
                        "Database unavailable, answering 503 (logged at most every {0} s): {1}",
                        new Object[] {OUTAGE_LOG_INTERVAL.toSeconds(), rootMessage(e)});
            }
            return Response.fromResponse(ErrorResponses.of(
                            503,
                            "database_unavailable",
                            "The database is unavailable; nothing was stored. Retry after "
                                    + DATABASE_RETRY_AFTER_SECONDS + " s."))
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.log(Level.SEVERE, "Unexpected failure while serving a request", e);
        return ErrorResponses.of(500, "api.context.server_error", "An internal error occurred.");
    }

    /**
     * The failure went through the persistence layer, and either says the connection failed or the
     * database does not answer a check now. A constraint violation on a healthy database stays a 500.
     */
    private boolean databaseUnavailable(Throwable e) {
        if (!DatabaseFailures.involvesDatabase(e)) {
            return false;
        }
        if (DatabaseFailures.isConnectionFailure(e)) {
            database.markUnreachable();
            return true;
        }
        return !database.isUp();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
