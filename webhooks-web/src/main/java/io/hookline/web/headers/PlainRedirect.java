package io.hookline.web.headers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;

/**
 * A redirect as every server sends it for Hookline: {@code 302}, an absolute {@code Location}, no body. The
 * containers' own {@code sendRedirect} differ: Payara adds an HTML "Document moved" body with
 * {@code text/html;charset=ISO-8859-1} and {@code Content-Language}, WildFly sends none. The location is made
 * absolute against the request's URL as the server sees it, as {@code sendRedirect} does, so a server configured to
 * honour a proxy's forwarded headers still names the outside address.
 */
public final class PlainRedirect {

    private PlainRedirect() {}

    /** Answers {@code response} with a redirect to {@code location} (absolute, or relative to the request's URL). */
    public static void send(HttpServletRequest request, HttpServletResponse response, String location)
            throws IOException {
        if (response.isCommitted()) {
            throw new IllegalStateException("redirect after the response was committed");
        }
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader(
                "Location",
                URI.create(request.getRequestURL().toString()).resolve(location).toString());
        response.setContentLength(0);
        // sendRedirect commits the response; callers (Faces among them) count on it.
        response.flushBuffer();
    }

    /** A response whose {@code sendRedirect} is {@link #send}: what {@link PlainRedirectFilter} hands down the chain. */
    static final class Response extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        Response(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            send(request, (HttpServletResponse) getResponse(), location);
        }
    }
}
