package io.hookline.web.console.security;

import io.hookline.ejb.user.Authenticator;
import io.hookline.web.headers.PlainRedirect;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * A console session ends as soon as its account's credentials change: every console request checks that the
 * signed-in account is still active and still at the credential version it signed in with (a password reset,
 * a deactivation and a role change move it on), and otherwise signs it out and sends it to the sign-in page.
 */
@WebFilter(filterName = "ActiveAccountFilter", urlPatterns = "/console/*", asyncSupported = true)
public class ActiveAccountFilter extends HttpFilter {

    /** Session attribute: the credential version the session signed in under (set by {@link SignIn}). */
    static final String CREDENTIAL_VERSION = "hookline.console.credentialVersion";

    @Inject
    private Authenticator authenticator;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String userId = request.getRemoteUser();
        if (userId != null && !authenticator.isCurrent(userId, versionOf(request.getSession(false)))) {
            request.logout();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            PlainRedirect.send(request, response, request.getContextPath() + ConsoleAuthentication.SIGN_IN_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The session's credential version; -1 (matching no account) when it has none. */
    private static long versionOf(HttpSession session) {
        return session != null && session.getAttribute(CREDENTIAL_VERSION) instanceof Long version ? version : -1;
    }
}
