package io.hookline.web.console.security;

import io.hookline.api.error.HooklineException;
import io.hookline.api.view.UserView;
import io.hookline.ejb.user.Authenticator;
import io.hookline.ejb.user.Roles;
import io.hookline.ejb.user.SignInThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * Checks console sign-ins against the users table through {@link Authenticator}, with the API's hashes,
 * lock and per-address limit. The caller principal's name is the user id (stable when a username changes);
 * its groups are the console roles. Why a sign-in was refused, beyond a wrong password, goes to
 * {@link SignInOutcome} for the sign-in page.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    static final String LOCKED = "This account is locked after too many failed sign-ins. "
            + "Ask a system admin to reset its password, or try again later.";

    @Inject
    private Authenticator authenticator;

    @Inject
    private SignInOutcome outcome;

    @Inject
    private HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        try {
            return authenticator
                    .checkPassword(login.getCaller(), login.getPasswordAsString(), request.getRemoteAddr())
                    .map(this::signedIn)
                    .orElse(CredentialValidationResult.INVALID_RESULT);
        } catch (SignInThrottle.SignInThrottledException throttled) {
            outcome.refused(
                    "Too many sign-in attempts from your address. Try again in " + throttled.retryAfterSeconds()
                            + " seconds.",
                    throttled.retryAfterSeconds());
        } catch (HooklineException locked) {
            outcome.refused(LOCKED, 0);
        }
        return CredentialValidationResult.INVALID_RESULT;
    }

    private CredentialValidationResult signedIn(Authenticator.Login login) {
        outcome.signedIn(login.credentialVersion());
        UserView user = login.user();
        boolean admin = Roles.isSystemAdmin(user.roles());
        Set<String> groups = admin
                ? Set.of(ConsoleAuthentication.ROLE_USER, ConsoleAuthentication.ROLE_SYSTEM_ADMIN)
                : Set.of(ConsoleAuthentication.ROLE_USER);
        return new CredentialValidationResult(new CallerPrincipal(user.id()), groups);
    }
}
