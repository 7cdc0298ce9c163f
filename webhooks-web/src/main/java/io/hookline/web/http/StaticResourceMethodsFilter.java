package io.hookline.web.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.IOException;

/**
 * Methods other than GET on what the container's default servlet serves (static files, and every path no
 * servlet maps, such as a mistyped {@code /HOOKS/...}) get Payara's answers on WildFly too. Payara's default
 * servlet reads a POST as a GET (so a mistyped hook URL is the console's 404 page) and refuses PUT and
 * DELETE with 403 (the application's files are read-only); WildFly's answers all three 405 with a bare page
 * of its own. Only requests the default servlet would serve are touched.
 */
public class StaticResourceMethodsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getHttpServletMapping().getMappingMatch() != MappingMatch.DEFAULT) {
            chain.doFilter(request, response);
            return;
        }
        switch (request.getMethod()) {
            case "POST" -> chain.doFilter(new ReadAsGet(request), response);
            case "PUT", "DELETE" -> response.sendError(HttpServletResponse.SC_FORBIDDEN);
            default -> chain.doFilter(request, response);
        }
    }

    /** The same request, as a GET to the servlet behind: it serves the file or answers 404. */
    private static final class ReadAsGet extends HttpServletRequestWrapper {

        ReadAsGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }
    }
}
