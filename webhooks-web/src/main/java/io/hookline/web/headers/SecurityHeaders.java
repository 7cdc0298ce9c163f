package io.hookline.web.headers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every Hookline answer carries, whatever answers it (a console page, an API or hook answer, an error
 * page, a redirect, a static file), the same on every server. The Content-Security-Policy itself comes from
 * PrimeFaces (web.xml {@code primefaces.CSP_POLICY}) on pages, as it alone knows each response's script nonce.
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}: a browser takes the declared type, never guesses one from the
 * bytes (a hook's text served back as JSON must never run as a script);</li>
 * <li>{@code X-Frame-Options: DENY}: no page in a frame (frame-ancestors 'none' in the CSP; this is the same for
 * browsers that predate it, and replaces the SAMEORIGIN Payara would add on its own);</li>
 * <li>{@code Referrer-Policy: no-referrer}: hook URLs are secrets, so no console URL (or its query) is ever sent
 * to another site;</li>
 * <li>{@code Cache-Control: no-store} on everything but the versioned Faces resources: pages and API answers show
 * hook URLs and tokens, which no cache may keep;</li>
 * <li>{@code Strict-Transport-Security} when the deployment turns it on ({@link StrictTransportSecurity}).</li>
 * </ul>
 */
public final class SecurityHeaders {

    /** Where Faces serves scripts, style sheets and images: the same bytes for everyone, cacheable. */
    static final String RESOURCES = "/jakarta.faces.resource/";

    private SecurityHeaders() {}

    /**
     * Sets the headers on {@code response}. {@link SecurityHeadersFilter} calls it for every request and error
     * dispatch; an edge that answers before any filter runs (the console's sign-in redirect, decided by the
     * authentication mechanism) calls it itself.
     */
    public static void applyTo(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (!isResource(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        StrictTransportSecurity.applyTo(response);
    }

    static boolean isResource(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + RESOURCES);
    }
}
