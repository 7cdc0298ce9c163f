package io.hookline.web.error;

import io.hookline.api.error.HooklineException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else is our bug or an outage: log it, answer 500 with no stack trace. An unexpected
 * runtime exception from an EJB arrives wrapped in {@link EJBException}; unwrap so a wrapped
 * {@link HooklineException} still gets its own status.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

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
        LOG.log(Level.SEVERE, "Unexpected failure while serving a request", e);
        return ErrorResponses.of(500, "api.context.server_error", "An internal error occurred.");
    }
}
