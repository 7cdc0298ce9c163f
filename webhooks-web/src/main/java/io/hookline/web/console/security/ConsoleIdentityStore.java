package io.hookline.web.console.security;

import io.hookline.api.view.UserView;
import io.hookline.ejb.user.Authenticator;
import io.hookline.ejb.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Checks console sign-ins against the users table, with the same PBKDF2 hashes the API checks. The
 * caller principal's name is the user id (stable when a username changes); its groups are the console
 * roles.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

    @Inject
    private Authenticator authenticator;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return authenticator.checkPassword(login.getCaller(), login.getPasswordAsString())
                .map(ConsoleIdentityStore::signedIn)
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    private static CredentialValidationResult signedIn(UserView user) {
        boolean admin = (" " + user.roles() + " ").contains(" " + User.ROLE_ADMIN + " ");
        Set<String> groups = admin
                ? Set.of(ConsoleAuthentication.ROLE_USER, ConsoleAuthentication.ROLE_SYSTEM_ADMIN)
                : Set.of(ConsoleAuthentication.ROLE_USER);
        return new CredentialValidationResult(new CallerPrincipal(user.id()), groups);
    }
}
