package io.hookline.web.metrics;

import io.hookline.api.auth.Caller;
import io.hookline.ejb.metrics.HooklineMeters;
import io.hookline.ejb.metrics.MetricsSettings;
import io.hookline.ejb.user.Authenticator;
import io.hookline.web.auth.BearerTokenFilter;
import io.hookline.web.error.ErrorResponses;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /metrics}: every meter in Prometheus' text format (version 0.0.4), behind {@link MetricsGuard}. A
 * plain servlet, not a JAX-RS resource: Prometheus' path is fixed, and both JAX-RS applications keep their own
 * prefixes ({@code /hooks}, {@code /api/v4}). Payara serves its own MicroProfile Metrics at {@code /metrics}
 * unless the domain turns it off, which {@code deploy/payara/setup.sh} does.
 */
@WebServlet(urlPatterns = "/metrics")
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MetricsServlet.class.getName());

    /** The Prometheus text format's media type, as scrapers expect it. */
    static final String CONTENT_TYPE = "text/plain;version=0.0.4;charset=utf-8";

    /** Read once: a deployment setting. */
    private final MetricsSettings settings = MetricsSettings.fromDeployment();

    @Inject
    private transient HooklineMeters meters;

    @Inject
    private transient Authenticator authenticator;

    /**
     * Any other method: 404 while the endpoint is off (the same answer as a GET, so nothing tells that it exists),
     * else 405 in the usual JSON error shape rather than the container's HTML page.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws jakarta.servlet.ServletException, IOException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            super.service(request, response);
        } else if (!settings.enabled()) {
            ErrorResponses.write(response, 404, "api.context.404.app_error", "Not Found");
        } else {
            response.setHeader("Allow", "GET, HEAD");
            ErrorResponses.write(response, 405, "api.context.method_not_allowed.app_error", "Method Not Allowed");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String presented = BearerTokenFilter.tokenOf(request.getHeader("Authorization"));
        MetricsGuard.Decision decision = MetricsGuard.decide(settings, presented, this::isSystemAdmin);
        switch (decision) {
            case NOT_FOUND -> ErrorResponses.write(response, 404, "api.context.404.app_error", "Not Found");
            case UNAUTHORIZED -> {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"hookline-metrics\"");
                ErrorResponses.write(
                        response, 401, "api.context.session_expired.app_error", "A bearer token is required.");
            }
            case FORBIDDEN ->
                ErrorResponses.write(
                        response, 403, "api.context.permissions.app_error", "This token may not read the metrics.");
            case ALLOWED -> {
                byte[] body = meters.scrape().getBytes(StandardCharsets.UTF_8);
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType(CONTENT_TYPE);
                response.setHeader("Cache-Control", "no-store");
                response.setContentLength(body.length);
                try (OutputStream out = response.getOutputStream()) {
                    out.write(body);
                }
            }
        }
    }

    /** Whether {@code token} is an active system admin's session or personal access token. */
    private boolean isSystemAdmin(String token) {
        try {
            Caller caller = authenticator.authenticate(token);
            return caller.systemAdmin();
        } catch (RuntimeException refused) {
            // Unknown, expired or revoked (a HooklineException, possibly wrapped by the EJB container).
            LOG.log(Level.FINE, "metrics token refused", refused);
            return false;
        }
    }
}
