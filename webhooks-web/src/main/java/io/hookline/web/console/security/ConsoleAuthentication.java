package io.hookline.web.console.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * The console's sign-in: Jakarta Security's custom form mechanism. An anonymous request for a
 * {@code /console/*} page is redirected to {@link #SIGN_IN_PAGE}; the sign-in bean hands the credentials to
 * {@code SecurityContext.authenticate}, which asks {@link ConsoleIdentityStore}; the result lives in the
 * HTTP session. The REST API ignores all of this: it authenticates bearer tokens only, so the console's
 * cookie can never drive the API from another site.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = ConsoleAuthentication.SIGN_IN_PAGE,
                useForwardToLogin = false, errorPage = ""))
@ApplicationScoped
public class ConsoleAuthentication {

    public static final String SIGN_IN_PAGE = "/signin.xhtml";
    public static final String HOME_PAGE = "/console/index.xhtml";
    /** The role every signed-in account has; {@link #ROLE_SYSTEM_ADMIN} is added for system admins. */
    public static final String ROLE_USER = "user";
    public static final String ROLE_SYSTEM_ADMIN = "system_admin";
}
