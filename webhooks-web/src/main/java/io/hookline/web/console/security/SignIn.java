package io.hookline.web.console.security;

import io.hookline.ejb.setup.FirstStartSetup;
import io.hookline.ejb.user.UserAdmin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;

/** The sign-in form and the sign-out button. */
@Named
@RequestScoped
public class SignIn {

    /** Shown for an unknown account, a wrong password and a deactivated account alike (the lock and the
     *  per-address limit have sentences of their own). */
    public static final String WRONG_CREDENTIALS = "Wrong username or password.";

    @NotBlank(message = "Enter your username or email.")
    @Size(max = UserAdmin.MAX_EMAIL, message = "At most " + UserAdmin.MAX_EMAIL + " characters.")
    private String loginId;

    @NotBlank(message = "Enter your password.")
    @Size(max = UserAdmin.MAX_PASSWORD, message = "At most " + UserAdmin.MAX_PASSWORD + " characters.")
    private String password;

    @Inject
    private SecurityContext security;

    @Inject
    private FacesContext faces;

    @Inject
    private FirstStartSetup setup;

    @Inject
    private SignInOutcome outcome;

    @Inject
    private ConsoleCaller me;

    public String getLoginId() {
        return loginId;
    }

    public void setLoginId(String loginId) {
        this.loginId = loginId;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /**
     * View action of the sign-in page: an installation without accounts goes to the first-run page; a
     * visitor who is already signed in goes home.
     */
    public void onOpen() throws IOException {
        ExternalContext external = faces.getExternalContext();
        if (setup.needsFirstAdmin()) {
            external.redirect(external.getRequestContextPath() + "/setup.xhtml");
        } else if (me.isSignedIn()) {
            external.redirect(external.getRequestContextPath() + ConsoleAuthentication.HOME_PAGE);
        }
    }

    public void submit() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = security.authenticate(
                request,
                response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(loginId.trim(), password))
                        .newAuthentication(true));
        // A refused credential is NOT_DONE in the mechanism, which Jakarta Authentication reports as
        // SUCCESS without a caller: only a caller principal means the sign-in worked.
        if (status != AuthenticationStatus.SUCCESS || request.getUserPrincipal() == null) {
            password = null;
            if (outcome.retryAfterSeconds() > 0) {
                // The API's answer to the same flood: 429 with the wait, for scripts driving the form.
                response.setStatus(429);
                response.setHeader("Retry-After", Long.toString(outcome.retryAfterSeconds()));
            }
            String refusal = outcome.refusal();
            faces.addMessage(
                    null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal == null ? WRONG_CREDENTIALS : refusal, null));
            return;
        }
        // Session fixation: whatever session id the visitor had before signing in stops meaning anything.
        request.changeSessionId();
        // Bound to the account's credentials as they are now: a reset, deactivation or role change ends it.
        request.getSession().setAttribute(ActiveAccountFilter.CREDENTIAL_VERSION, outcome.credentialVersion());
        Object wanted = request.getSession().getAttribute(ConsoleAuthentication.RETURN_TO);
        request.getSession().removeAttribute(ConsoleAuthentication.RETURN_TO);
        external.redirect(external.getRequestContextPath() + returnPath(wanted));
    }

    /** Back to the console page that asked for the sign-in; never anywhere outside the console. */
    static String returnPath(Object wanted) {
        return wanted instanceof String path
                        && path.startsWith("/console/")
                        && !path.contains("//")
                        && !path.contains("\\")
                ? path
                : ConsoleAuthentication.HOME_PAGE;
    }

    /** Ends the console session; the next request starts anonymous. */
    public void signOut() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + ConsoleAuthentication.SIGN_IN_PAGE + "?signedOut=true");
    }
}
