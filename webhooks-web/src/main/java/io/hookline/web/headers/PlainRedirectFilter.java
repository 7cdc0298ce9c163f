package io.hookline.web.headers;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every redirect the application sends through {@code sendRedirect} (Faces' navigation, the stale-form and sign-in
 * redirects) goes out as {@link PlainRedirect}, the same on every server. Edges that redirect before or beside the
 * filter chain (the authentication mechanism, {@code ActiveAccountFilter}, whose order among the annotated filters
 * is not defined) call {@link PlainRedirect#send} themselves.
 */
@WebFilter(filterName = "PlainRedirectFilter", urlPatterns = "/*", asyncSupported = true)
public class PlainRedirectFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new PlainRedirect.Response(request, response));
    }
}
