package io.hookline.web.health;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * MicroProfile Health's endpoints on the application's own HTTP port, the same on every server: {@code /health}
 * (all checks), {@code /health/live}, {@code /health/ready} and {@code /health/started}; 200 when UP, 503 when
 * DOWN. The checks are the application's {@code @Liveness}/{@code @Readiness} beans, which the servers' own
 * endpoints list too where they have one (WildFly's management port). Mapped in web.xml on {@code /health} itself:
 * Payara adds its own health servlet to the application at context root "/" unless one is mapped there already,
 * and without this one WildFly would answer these paths with the console's 404 page.
 */
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(HealthServlet.class.getName());

    @Inject
    @Liveness
    private transient Instance<HealthCheck> liveness;

    @Inject
    @Readiness
    private transient Instance<HealthCheck> readiness;

    @Inject
    @Startup
    private transient Instance<HealthCheck> startup;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String which = request.getPathInfo();
        List<HealthCheckResponse> answers = new ArrayList<>();
        if (which == null || "/".equals(which)) {
            call(liveness, answers);
            call(readiness, answers);
            call(startup, answers);
        } else if ("/live".equals(which)) {
            call(liveness, answers);
        } else if ("/ready".equals(which)) {
            call(readiness, answers);
        } else if ("/started".equals(which)) {
            call(startup, answers);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        HealthReport report = HealthReport.of(answers);
        byte[] body = report.toJson().getBytes(StandardCharsets.UTF_8);
        response.setStatus(report.isUp() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Each check's answer; a check that throws is DOWN under its class's name, as the specification asks. */
    private static void call(Instance<HealthCheck> checks, List<HealthCheckResponse> answers) {
        for (HealthCheck check : checks) {
            try {
                answers.add(check.call());
            } catch (RuntimeException e) {
                // A CDI client proxy's class is the bean's name with a suffix after '$'.
                String name = check.getClass().getSimpleName().split("\\$", 2)[0];
                LOG.log(Level.WARNING, "Health check {0} failed: {1}", new Object[] {name, e.toString()});
                answers.add(new HealthCheckResponse(name, HealthCheckResponse.Status.DOWN, Optional.empty()));
            }
        }
    }
}
