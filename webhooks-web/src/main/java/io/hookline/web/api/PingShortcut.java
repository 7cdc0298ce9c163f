package io.hookline.web.api;

import io.hookline.ejb.health.DatabaseHealth;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;

/**
 * {@code GET} and {@code HEAD /api/v4/system/ping} answered in front of the JAX-RS runtime: load balancers and
 * monitors call it several times a second per server, and the JAX-RS pipeline (matching, filters, providers, the
 * servers' tracing) was most of a ping's cost. The answers are {@link SystemResource#ping}'s, both made by
 * {@link PingAnswer}, byte for byte: the same bodies, statuses and headers ({@code ServerParityIT},
 * {@code HealthProbesIT}); every other method, and
 * every other spelling of the path, still goes to {@link SystemResource}, which answers them as before (405 with
 * Mattermost's error body, OPTIONS, a trailing slash).
 */
public class PingShortcut extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient DatabaseHealth database;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        PingAnswer answer = PingAnswer.of(database.isUp(), request.getParameter("use_rest_semantics"));
        response.setStatus(answer.status);
        if (answer.retryAfterSeconds != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(answer.retryAfterSeconds));
        }
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setContentLength(answer.bytes.length);
        if (!head) {
            response.getOutputStream().write(answer.bytes);
        }
    }
}
