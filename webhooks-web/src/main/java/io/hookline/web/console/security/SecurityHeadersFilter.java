package io.hookline.web.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every console response carries. The Content-Security-Policy itself comes from PrimeFaces
 * (web.xml {@code primefaces.CSP_POLICY}), which alone knows each response's script nonce; this filter
 * adds the rest. Pages are never cached: they show hook URLs, which are secrets.
 */
@WebFilter(filterName = "SecurityHeadersFilter",
        urlPatterns = {"*.xhtml", "/console/*", "/jakarta.faces.resource/*"}, asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        // Hook URLs are secrets: never send a console URL (or its query) to another site.
        response.setHeader("Referrer-Policy", "no-referrer");
        // frame-ancestors 'none' in the CSP; this is the same for browsers that predate it.
        response.setHeader("X-Frame-Options", "DENY");
        if (!request.getRequestURI().contains("/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
