package io.hookline.ejb.user;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.api.view.UserView;
import io.hookline.ejb.common.Errors;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.settings.CurrentSettings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Optional;

/**
 * Signs users in and out and turns a bearer token back into a {@link Caller}.
 *
 * <p>A sign-in, API or console, goes: per-address allowance ({@link SignInThrottle}) → length check → read
 * the account → PBKDF2 (against a dummy hash when there is no account) → lock check → record the outcome.
 * The hashing, a deliberate half second of CPU, runs with no transaction and no connection held
 * ({@code NOT_SUPPORTED}; {@link SignInRecords} opens a short transaction before and after), so a guessing
 * storm queues for CPU but cannot hold the connection pool that hooks and pages need.
 */
@Stateless
public class Authenticator {

    /** How long a login token stays valid (Mattermost's default web session length: 30 days). */
    public static final Duration SESSION_LIFETIME = Duration.ofDays(30);

    /** Mattermost's id for a sign-in refused because of too many failed passwords in a row. */
    public static final String TOO_MANY_ATTEMPTS = "api.user.check_user_login_attempts.too_many.app_error";

    /**
     * A successful sign-in: for the API its bearer token (shown once, to the client); for the console none,
     * and the credential version its HTTP session is bound to.
     */
    public record Login(String token, UserView user, long credentialVersion) {}

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SignInRecords records;

    @Inject
    private SignInThrottle throttle;

    @Inject
    private CurrentSettings settings;

    @Inject
    private Passwords passwords;

    /** {@code POST /api/v4/users/login}: a new login session. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Login login(String loginId, String password, String address) {
        throttle.acquire(address);
        if (loginId == null || loginId.isBlank() || password == null || password.isEmpty()) {
            throw HooklineException.badRequest(
                    "api.user.login.blank_pwd.app_error", "Enter a login id and a password.");
        }
        return signIn(loginId, password, address, SESSION_LIFETIME.toMillis());
    }

    /**
     * The console's password check (Jakarta Security's identity store): the same rules and limits as the
     * API's, without an API session (the console keeps its own). Empty for a wrong login id or password;
     * 429 and the lock's 401 are thrown, for the sign-in page to say so.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Login> checkPassword(String loginId, String password, String address) {
        throttle.acquire(address);
        if (loginId == null || loginId.isBlank() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(signIn(loginId, password, address, 0));
        } catch (HooklineException refused) {
            if (TOO_MANY_ATTEMPTS.equals(refused.id())) {
                throw refused;
            }
            return Optional.empty();
        }
    }

    private Login signIn(String loginId, String password, String address, long sessionMillis) {
        // The same length limit as password changes, before any look-up or hashing: a longer password cannot
        // be anyone's, and PBKDF2's cost grows with it. Answered as a wrong password, as Mattermost does: its
        // login only compares passwords (an over-long one fails the comparison), it never validates one.
        if (password.length() > UserAdmin.MAX_PASSWORD || loginId.length() > UserAdmin.MAX_EMAIL) {
            throw invalidCredentials();
        }
        Optional<SignInRecords.Account> account = records.find(loginId);
        String stored = account.map(SignInRecords.Account::passwordHash).orElse(null);
        boolean matches = passwords.verify(password, stored);
        LoginLockPolicy policy = LoginLockPolicy.of(settings.get());
        long now = System.currentTimeMillis();
        boolean locked = account.filter(a -> policy.isLocked(a.failedAttempts(), a.lastFailedAt(), now))
                .isPresent();
        if (locked || !matches || !account.get().active()) {
            records.failed(
                    account,
                    loginId,
                    address,
                    policy,
                    locked
                            ? SignInRecords.Failure.LOCKED
                            : matches ? SignInRecords.Failure.DEACTIVATED : SignInRecords.Failure.WRONG_PASSWORD);
            if (locked) {
                throw HooklineException.unauthorized(
                        TOO_MANY_ATTEMPTS,
                        "Your account is locked because of too many failed password attempts. "
                                + "Ask a system admin to reset your password"
                                + (policy.lockoutSeconds() > 0 ? ", or try again later." : "."));
            }
            if (matches) {
                throw HooklineException.unauthorized(
                        "api.user.login.inactive.app_error", "Login failed because your account has been deactivated.");
            }
            throw invalidCredentials();
        }
        // Hashed here too, outside the transaction: an older, cheaper hash is replaced by a current one.
        String upgraded = PasswordHashFormat.needsUpgrade(stored) ? passwords.hash(password) : null;
        Login login = records.succeeded(account.get(), upgraded, address, sessionMillis);
        throttle.succeeded(address);
        return login;
    }

    /** One answer for "no such user" and "wrong password": do not reveal which accounts exist. */
    static HooklineException invalidCredentials() {
        return HooklineException.unauthorized(
                "api.user.login.invalid_credentials_email_username",
                "Enter a valid email or username and/or password.");
    }

    /**
     * Whether a console session made under {@code credentialVersion} still stands: its account is active and
     * its password, status and roles have not changed since.
     */
    public boolean isCurrent(String userId, long credentialVersion) {
        User user = userId == null ? null : em.find(User.class, userId);
        return user != null && user.isActive() && user.credentialVersion() == credentialVersion;
    }

    /**
     * The caller behind a token, a login session's or a personal access token's; 401 when the token
     * is unknown, expired or revoked, its user deactivated, or (a login session) made before the user's
     * password, status or roles last changed.
     */
    public Caller authenticate(String token) {
        if (!Ids.isWellFormed(token)) {
            throw Errors.unauthenticated();
        }
        String digest = TokenDigest.of(token);
        UserSession session = em.createNamedQuery(UserSession.BY_TOKEN_HASH, UserSession.class)
                .setParameter("tokenHash", digest)
                .getResultStream()
                .findFirst()
                .orElse(null);
        User user;
        if (session != null) {
            user = session.isExpiredAt(System.currentTimeMillis()) ? null : em.find(User.class, session.userId());
            if (user != null && user.credentialVersion() != session.credentialVersion()) {
                user = null;
            }
        } else {
            String userId = accessTokenUser(digest);
            user = userId == null ? null : em.find(User.class, userId);
        }
        if (user == null || !user.isActive()) {
            throw Errors.unauthenticated();
        }
        return new Caller(user.id(), user.isSystemAdmin());
    }

    private String accessTokenUser(String digest) {
        UserAccessToken token = em.createNamedQuery(UserAccessToken.BY_TOKEN_HASH, UserAccessToken.class)
                .setParameter("tokenHash", digest)
                .getResultStream()
                .findFirst()
                .orElse(null);
        return token == null || !token.isActive() ? null : token.userId();
    }

    /** Ends the login session behind {@code token}; a personal access token is revoked separately. */
    public void logout(String token) {
        if (token == null) {
            return;
        }
        em.createNamedQuery(UserSession.DELETE_BY_TOKEN_HASH)
                .setParameter("tokenHash", TokenDigest.of(token))
                .executeUpdate();
    }
}
