package io.hookline.web.http;

import io.hookline.web.http.RequestHeadRules.Field;
import io.hookline.web.http.RequestHeadRules.RequestHead;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refuses a request whose head breaks {@link RequestHeadRules} the way Payara's HTTP layer refuses it: 400,
 * no body, connection closed, before every filter but the security headers, the access log included (on
 * Payara such a request never reaches the application either). Without it WildFly would store a hook post
 * sent with a NUL or UTF-8 bytes in a header value or a gzip transfer coding, and answer a body on GET, all of
 * which Payara refuses; on Payara it refuses what WildFly's HTTP layer does (two Host headers, raw non-ASCII
 * bytes in the path). Mapped in web.xml on every path, asynchronous requests included.
 */
public class MalformedRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MalformedRequestFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> violation = RequestHeadRules.violation(headOf(request));
        if (violation.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        LOG.log(Level.FINE, "Refused a malformed request from {0}: {1}", new Object[] {
            request.getRemoteAddr(), violation.get()
        });
        // As the container's own refusal: nothing Hookline could say in a body would be read by a client
        // this broken, and the rest of the connection cannot be trusted to be framed right.
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setHeader("Connection", "close");
        response.setContentLength(0);
        response.flushBuffer();
    }

    private static RequestHead headOf(HttpServletRequest request) {
        List<Field> fields = new ArrayList<>();
        Enumeration<String> names = request.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            String name = names.nextElement();
            Enumeration<String> values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                fields.add(new Field(name, values.nextElement()));
            }
        }
        return new RequestHead(request.getMethod(), request.getRequestURI(), fields);
    }
}
