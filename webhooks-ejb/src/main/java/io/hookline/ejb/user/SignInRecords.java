package io.hookline.ejb.user;

import io.hookline.api.auth.Caller;
import io.hookline.ejb.audit.AuditDetails;
import io.hookline.ejb.audit.AuditLog;
import io.hookline.ejb.common.Ids;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The database side of a sign-in, in short transactions of its own, so that {@link Authenticator} can hash
 * between them holding neither a transaction nor a connection: read the account, then record the outcome
 * (the failure count, the lock, the session, the upgraded hash, the audit entry).
 */
@Stateless
public class SignInRecords {

    /** Login sessions one user keeps at most; signing in once more drops the oldest. */
    public static final int MAX_SESSIONS_PER_USER = 10;

    static final String AUDIT_LOGIN = "login";
    static final String AUDIT_LOGIN_FAILURE = "loginFailure";
    static final String AUDIT_LOCKOUT = "loginLockout";

    /** What the password check needs to know of an account, read before hashing. */
    public record Account(
            String userId,
            String passwordHash,
            boolean active,
            int failedAttempts,
            long lastFailedAt,
            long credentialVersion) {}

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    public Optional<Account> find(String loginId) {
        return em.createNamedQuery(User.BY_LOGIN_ID, User.class)
                .setParameter("loginId", loginId.trim().toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst()
                .map(u -> new Account(
                        u.id(),
                        u.passwordHash(),
                        u.isActive(),
                        u.failedAttempts(),
                        u.lastFailedAt(),
                        u.credentialVersion()));
    }

    /**
     * Records a right password: the failure count starts again and the hash is upgraded when
     * {@code upgradedHash} is given. Refused (as a wrong password) when the account changed while the password
     * was being checked: reset, deactivated or demoted in the meantime. The API gets a login session
     * ({@code lifetimeMillis} > 0); the console keeps its own HTTP session and gets the credential version.
     */
    public Authenticator.Login succeeded(Account account, String upgradedHash, String address, long lifetimeMillis) {
        User user = em.find(User.class, account.userId(), LockModeType.PESSIMISTIC_WRITE);
        if (user == null || !user.isActive() || user.credentialVersion() != account.credentialVersion()) {
            throw Authenticator.invalidCredentials();
        }
        user.recordSignIn(account.passwordHash(), upgradedHash);
        audit.record(
                new Caller(user.id(), user.isSystemAdmin(), address),
                AUDIT_LOGIN,
                user.id(),
                AuditDetails.of().with("api_session", lifetimeMillis > 0).with("hash_upgraded", upgradedHash != null));
        String token = lifetimeMillis > 0 ? openSession(user, lifetimeMillis) : null;
        return new Authenticator.Login(token, user.view(), user.credentialVersion());
    }

    /** A new API login session for {@code user}, after dropping its expired and (past the cap) oldest ones. */
    private String openSession(User user, long lifetimeMillis) {
        long now = System.currentTimeMillis();
        em.createNamedQuery(UserSession.DELETE_EXPIRED_OF_USER)
                .setParameter("userId", user.id())
                .setParameter("now", now)
                .executeUpdate();
        List<String> newestFirst = em.createNamedQuery(UserSession.IDS_OF_USER_NEWEST_FIRST, String.class)
                .setParameter("userId", user.id())
                .getResultList();
        if (newestFirst.size() >= MAX_SESSIONS_PER_USER) {
            em.createNamedQuery(UserSession.DELETE_BY_IDS)
                    .setParameter("ids", newestFirst.subList(MAX_SESSIONS_PER_USER - 1, newestFirst.size()))
                    .executeUpdate();
        }
        String token = Ids.newId();
        em.persist(new UserSession(TokenDigest.of(token), user.id(), user.credentialVersion(), now, lifetimeMillis));
        return token;
    }

    /** Why a sign-in failed; only a wrong password counts towards the lock. */
    public enum Failure {
        WRONG_PASSWORD,
        LOCKED,
        DEACTIVATED
    }

    /**
     * Records a failed sign-in: a wrong password counts against a known account, locking it at the policy's
     * limit. Audited, with the login id as typed (escaped and cut), so an admin sees what is being tried.
     */
    public void failed(
            Optional<Account> account, String loginId, String address, LoginLockPolicy policy, Failure failure) {
        long now = System.currentTimeMillis();
        String userId = account.map(Account::userId).orElse("");
        Caller actor = new Caller(userId, false, address);
        AuditDetails details = AuditDetails.of()
                .with("login_id", loginId)
                .with("reason", failure.name().toLowerCase(Locale.ROOT));
        if (failure == Failure.WRONG_PASSWORD && account.isPresent()) {
            User user = em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE);
            if (user != null) {
                int before = policy.failuresSoFar(user.failedAttempts(), user.lastFailedAt(), now);
                user.recordFailedPassword(before, now);
                details = details.with("failed_attempts", before + 1);
                if (before + 1 == policy.maximumAttempts()) {
                    audit.record(
                            actor,
                            AUDIT_LOCKOUT,
                            userId,
                            AuditDetails.of()
                                    .with("failed_attempts", before + 1)
                                    .with("lockout_seconds", policy.lockoutSeconds()));
                }
            }
        }
        audit.record(actor, AUDIT_LOGIN_FAILURE, userId, details);
    }
}
