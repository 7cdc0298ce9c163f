package io.hookline.web.api.body;

import io.hookline.ejb.config.DeploymentConfig;
import io.hookline.web.error.BodyReadFailures;
import io.hookline.web.error.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Caps every {@code /api/v4} request body at {@value #MAX_BODY_BYTES_SETTING} bytes (default 1 MiB) before anything
 * parses it, the unauthenticated {@code POST /users/login} and {@code POST /users} included: without it, anyone who
 * can reach the server could make the JSON parsers buffer bodies of any size. A declared Content-Length past the
 * cap is answered 413 at once, the body unread; a body without one (chunked) is counted while it is read and fails
 * with 413 at the first byte past the cap ({@link CappedBody}), so at most the cap is ever buffered. The same
 * stream refuses bytes that are not UTF-8, the only encoding of JSON between systems (RFC 8259).
 * <p>
 * A servlet filter, mapped in web.xml, because it must act before the JAX-RS runtime opens the body and the
 * same way on every runtime. Bodies of {@code /hooks} have their own, admin-set cap (MaximumPayloadSizeBytes).
 */
public class ApiBodyLimitFilter extends HttpFilter {

    /** Deployment setting (environment variable or JVM system property): the largest /api/v4 body, in bytes. */
    public static final String MAX_BODY_BYTES_SETTING = "HOOKLINE_API_MAX_BODY_BYTES";
    /** 1 MiB: the largest real body (a config patch, a hook with a long description) is a few kB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    /** Smallest cap accepted: room for any body the API takes. */
    public static final int MIN_MAX_BODY_BYTES = 4 * 1024;
    /** Largest cap accepted (64 MiB); beyond it the cap protects nothing. */
    public static final int MAX_MAX_BODY_BYTES = 64 << 20;

    private int maxBytes;

    @Override
    public void init() {
        maxBytes = DeploymentConfig.integer(
                MAX_BODY_BYTES_SETTING, DEFAULT_MAX_BODY_BYTES, MIN_MAX_BODY_BYTES, MAX_MAX_BODY_BYTES);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > maxBytes) {
            var refusal = BodyReadFailures.tooLarge(maxBytes);
            ErrorResponses.write(response, refusal);
            return;
        }
        chain.doFilter(new CappedRequest(request, maxBytes), response);
    }
}
