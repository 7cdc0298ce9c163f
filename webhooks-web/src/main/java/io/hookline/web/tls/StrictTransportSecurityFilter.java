package io.hookline.web.tls;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Adds {@link StrictTransportSecurity}'s header to every response (console, API, hooks, the live stream) when
 * {@value StrictTransportSecurity#SETTING} turns it on. It is sent whatever scheme the request arrived with:
 * behind a TLS-terminating proxy the server itself sees plain HTTP, and browsers ignore the header on a
 * plain-HTTP response anyway (RFC 6797, 8.1). The setting is read once, as deployment settings are.
 * Declared in web.xml, right behind MalformedRequestFilter: only web.xml orders filters, and the filters that
 * answer by themselves (a malformed Content-Type, a body too large, a misspelled method) must come behind it.
 */
public class StrictTransportSecurityFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        StrictTransportSecurity.applyTo(response);
        chain.doFilter(request, response);
    }
}
