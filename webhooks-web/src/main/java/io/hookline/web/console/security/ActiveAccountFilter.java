package io.hookline.web.console.security;

import io.hookline.ejb.user.UserAdmin;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A console session ends as soon as its account is deactivated: every console request checks that the
 * signed-in account is still active, and otherwise signs it out and sends it to the sign-in page.
 */
@WebFilter(filterName = "ActiveAccountFilter", urlPatterns = "/console/*", asyncSupported = true)
public class ActiveAccountFilter extends HttpFilter {

    @Inject
    private UserAdmin users;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String userId = request.getRemoteUser();
        if (userId != null && users.get(userId).deleteAt() != 0) {
            request.logout();
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + ConsoleAuthentication.SIGN_IN_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
