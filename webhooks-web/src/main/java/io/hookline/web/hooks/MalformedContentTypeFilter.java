package io.hookline.web.hooks;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.delivery.DeliveryAttempt;
import io.hookline.ejb.delivery.DeliveryLog;
import io.hookline.web.error.ErrorResponses;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.Enumeration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers a malformed Content-Type on {@code /hooks/*} with the contract's 400 {@code invalid_payload}.
 * It has to sit in front of JAX-RS: the JAX-RS runtime parses the header while choosing a resource
 * method and fails with the container's HTML error page, which no exception mapper ever sees. For the
 * same reason it offers its refusals of {@code POST /hooks/{id}} to the delivery log itself. Mapped in
 * web.xml, behind {@link HookAccessLog}.
 */
public class MalformedContentTypeFilter extends HttpFilter {

    private static final String HOOKS = "/hooks/";
    private static final Logger LOG = Logger.getLogger(MalformedContentTypeFilter.class.getName());

    @Inject
    private DeliveryLog deliveryLog;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            HookBodyParser.mediaTypeOf(singleContentType(request));
        } catch (HooklineException malformed) {
            ErrorResponses.write(response, malformed.status(), malformed.id(), malformed.getMessage());
            record(request, malformed);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The raw header, not {@code getContentType()}: a present but empty header must be refused, not read as
     * absent. Two Content-Types contradict each other (and JAX-RS would answer them with an HTML page).
     */
    private static String singleContentType(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders(HttpHeaders.CONTENT_TYPE);
        if (values == null || !values.hasMoreElements()) {
            return request.getContentType();
        }
        String first = values.nextElement();
        if (values.hasMoreElements()) {
            throw HookBodyParser.invalid("The request has more than one Content-Type header.");
        }
        return first;
    }

    /** The body was never opened: its size is the Content-Length; the answer took no measurable time. */
    private void record(HttpServletRequest request, HooklineException malformed) {
        try {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String hookId = path.startsWith(HOOKS) ? path.substring(HOOKS.length()) : "";
            if ("POST".equals(request.getMethod()) && Ids.isWellFormed(hookId) && deliveryLog.enabled()) {
                deliveryLog.record(DeliveryAttempt.refused(hookId, System.currentTimeMillis(), malformed.status(),
                        malformed.id(), request.getRemoteAddr(), Math.max(0, request.getContentLengthLong()), 0));
            }
        } catch (RuntimeException e) {
            // The answer is sent; the log is a debugging aid and must not turn it into a failure.
            LOG.log(Level.FINE, "Delivery not recorded", e);
        }
    }
}
