package io.hookline.ejb.user;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.api.view.UserView;
import io.hookline.ejb.common.Errors;
import io.hookline.ejb.common.Ids;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;

/** Signs users in and out and turns a bearer token back into a {@link Caller}. */
@Stateless
public class Authenticator {

    /** How long a login token stays valid (Mattermost's default web session length: 30 days). */
    public static final Duration SESSION_LIFETIME = Duration.ofDays(30);

    /** A fresh session: the bearer token (shown once, to the client) and who it belongs to. */
    public record Login(String token, UserView user) {
    }

    @PersistenceContext
    private EntityManager em;

    public Login login(String loginId, String password) {
        if (loginId == null || loginId.isBlank() || password == null || password.isEmpty()) {
            throw HooklineException.badRequest("api.user.login.blank_pwd.app_error",
                    "Enter a login id and a password.");
        }
        User user = em.createNamedQuery(User.BY_LOGIN_ID, User.class)
                .setParameter("loginId", loginId.trim().toLowerCase(java.util.Locale.ROOT))
                .getResultStream().findFirst().orElse(null);
        // One answer for "no such user" and "wrong password": do not reveal which accounts exist.
        if (user == null || !user.passwordMatches(password)) {
            throw HooklineException.unauthorized("api.user.login.invalid_credentials_email_username",
                    "Enter a valid email or username and/or password.");
        }
        if (!user.isActive()) {
            throw HooklineException.unauthorized("api.user.login.inactive.app_error",
                    "Login failed because your account has been deactivated.");
        }
        String token = Ids.newId();
        em.persist(new UserSession(TokenDigest.of(token), user.id(), System.currentTimeMillis(),
                SESSION_LIFETIME.toMillis()));
        return new Login(token, user.view());
    }

    /**
     * The console's password check (Jakarta Security's identity store): the active account with this
     * username or email and password, or empty. No session is created; the console keeps its own.
     */
    public java.util.Optional<UserView> checkPassword(String loginId, String password) {
        if (loginId == null || loginId.isBlank() || password == null || password.isEmpty()
                || password.length() > UserAdmin.MAX_PASSWORD) {
            return java.util.Optional.empty();
        }
        return em.createNamedQuery(User.BY_LOGIN_ID, User.class)
                .setParameter("loginId", loginId.trim().toLowerCase(java.util.Locale.ROOT))
                .getResultStream().findFirst()
                .filter(user -> user.passwordMatches(password) && user.isActive())
                .map(User::view);
    }

    /**
     * The caller behind a token, a login session's or a personal access token's; 401 when the token
     * is unknown, expired or revoked, or its user deactivated.
     */
    public Caller authenticate(String token) {
        if (!Ids.isWellFormed(token)) {
            throw Errors.unauthenticated();
        }
        String digest = TokenDigest.of(token);
        String userId = sessionUser(digest);
        if (userId == null) {
            userId = accessTokenUser(digest);
        }
        User user = userId == null ? null : em.find(User.class, userId);
        if (user == null || !user.isActive()) {
            throw Errors.unauthenticated();
        }
        return new Caller(user.id(), user.isSystemAdmin());
    }

    private String sessionUser(String digest) {
        UserSession session = em.createNamedQuery(UserSession.BY_TOKEN_HASH, UserSession.class)
                .setParameter("tokenHash", digest)
                .getResultStream().findFirst().orElse(null);
        return session == null || session.isExpiredAt(System.currentTimeMillis()) ? null : session.userId();
    }

    private String accessTokenUser(String digest) {
        UserAccessToken token = em.createNamedQuery(UserAccessToken.BY_TOKEN_HASH, UserAccessToken.class)
                .setParameter("tokenHash", digest)
                .getResultStream().findFirst().orElse(null);
        return token == null || !token.isActive() ? null : token.userId();
    }

    /** Ends the login session behind {@code token}; a personal access token is revoked separately. */
    public void logout(String token) {
        if (token == null) {
            return;
        }
        em.createNamedQuery(UserSession.DELETE_BY_TOKEN_HASH).setParameter("tokenHash", TokenDigest.of(token))
                .executeUpdate();
    }
}
