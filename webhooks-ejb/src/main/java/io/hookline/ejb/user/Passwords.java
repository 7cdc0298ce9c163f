package io.hookline.ejb.user;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.UUID;

/**
 * Hashes and checks passwords with the server's {@link Pbkdf2PasswordHash} (Jakarta Security; Payara and
 * WildFly both ship Soteria's), set to {@link PasswordHashFormat#PARAMETERS}. The console's identity store and
 * the API's login both come here through {@link Authenticator}, and account creation and password resets
 * through {@link UserAdmin}: one owner of the hashing.
 *
 * <p>Beyond the hash: an unknown account costs a guesser the same time as a known one ({@link #verify}), and a
 * value no hash could be never matches instead of failing the request.
 */
@ApplicationScoped
public class Passwords {

    @Inject
    private Pbkdf2PasswordHash pbkdf2;

    /** A hash of a random password, for {@link #verify(String, String)} when there is no account. */
    private String dummyHash;

    /** For CDI. */
    protected Passwords() {}

    /** For tests: another {@link Pbkdf2PasswordHash} (the server's is only on the server). */
    Passwords(Pbkdf2PasswordHash pbkdf2) {
        this.pbkdf2 = pbkdf2;
        configure();
    }

    @PostConstruct
    void configure() {
        // The instance is @Dependent and ours alone: initialized once here, then only read (generate's salt
        // source is synchronized in the implementations both servers ship), so it serves concurrent sign-ins.
        pbkdf2.initialize(PasswordHashFormat.PARAMETERS);
        dummyHash = hash(UUID.randomUUID().toString());
    }

    /** A new hash of {@code password}, salted, in {@link PasswordHashFormat}. */
    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    /**
     * Checks {@code password} against {@code stored}, or, when there is no stored hash (no such account),
     * against a dummy hash of the same cost, and answers false: an unknown login id costs a guesser the
     * same time as a known one, so timing does not tell which accounts exist. A malformed stored value never
     * matches.
     */
    public boolean verify(String password, String stored) {
        if (stored == null) {
            matches(password == null ? "" : password, dummyHash);
            return false;
        }
        return matches(password, stored);
    }

    private boolean matches(String password, String stored) {
        if (password == null) {
            return false;
        }
        try {
            return pbkdf2.verify(password.toCharArray(), stored);
        } catch (IllegalArgumentException | IllegalStateException malformed) {
            // Soteria refuses what it cannot parse ("Bad hash encoding") or derive (a zero count or salt).
            return false;
        }
    }
}
