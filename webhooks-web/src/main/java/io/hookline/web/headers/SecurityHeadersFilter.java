package io.hookline.web.headers;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The one owner of {@link SecurityHeaders} for every path of the application (console, API, hooks, the live stream,
 * static resources) and for error dispatches too: a container may reset the response before it renders an error
 * page, and the page must carry the headers all the same. Headers are set before the chain runs, so they are in
 * place whenever the response is committed. Mapped in web.xml, ahead of every other filter: the filters that may
 * answer by themselves (a malformed hook Content-Type, an API body past the cap) run after it.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SecurityHeaders.applyTo(request, response);
        chain.doFilter(request, response);
    }
}
