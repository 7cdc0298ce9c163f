package io.hookline.web.console.security;

import io.hookline.web.headers.PlainRedirect;
import io.hookline.web.headers.SecurityHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console's sign-in, a Jakarta Security form mechanism of our own (small enough to read whole):
 * <ul>
 * <li>the sign-in bean calls {@code SecurityContext.authenticate} with the typed credentials; they are
 * checked by {@link ConsoleIdentityStore} and, when valid, the account is signed in for the rest of the
 * HTTP session ({@link AutoApplySession});</li>
 * <li>an anonymous request for a protected page ({@code /console/*}) is redirected to
 * {@link #SIGN_IN_PAGE}, remembering a GET's URL so the sign-in can return to it;</li>
 * <li>everything else passes untouched. In particular the REST API never sees a console sign-in: it
 * authenticates bearer tokens only, so the console's cookie can never drive the API from another site.</li>
 * </ul>
 */
@AutoApplySession
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

    public static final String SIGN_IN_PAGE = "/signin.xhtml";
    public static final String HOME_PAGE = "/console/index.xhtml";
    /** The role every signed-in account has; {@link #ROLE_SYSTEM_ADMIN} is added for system admins. */
    public static final String ROLE_USER = "user";

    public static final String ROLE_SYSTEM_ADMIN = "system_admin";
    /** Session attribute: the console page an anonymous visitor asked for, to return to after signing in. */
    static final String RETURN_TO = "hookline.console.returnTo";

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            // An invalid sign-in is not an error response: the sign-in page shows its own message.
            return result.getStatus() == CredentialValidationResult.Status.VALID
                    ? context.notifyContainerAboutLogin(result)
                    : context.doNothing();
        }
        if (context.isProtected()) {
            if ("GET".equals(request.getMethod())) {
                String query = request.getQueryString();
                request.getSession()
                        .setAttribute(
                                RETURN_TO,
                                request.getRequestURI()
                                                .substring(
                                                        request.getContextPath().length())
                                        + (query == null ? "" : "?" + query));
            }
            // Decided before any servlet filter runs: the headers and the redirect are this edge's to send, the
            // same way the filters send them everywhere else.
            SecurityHeaders.applyTo(request, response);
            try {
                PlainRedirect.send(request, response, request.getContextPath() + SIGN_IN_PAGE);
            } catch (IOException unanswerable) {
                throw new AuthenticationException("could not redirect to the sign-in page", unanswerable);
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
        return context.doNothing();
    }
}
