package io.hookline.ejb.user;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.api.view.UserView;
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
                .setParameter("loginId", loginId.trim())
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

    /** The caller behind a token, or a 401 when the token is unknown, expired, or its user deactivated. */
    public Caller authenticate(String token) {
        if (!Ids.isWellFormed(token)) {
            throw invalidToken();
        }
        UserSession session = findSession(token);
        if (session == null || session.isExpiredAt(System.currentTimeMillis())) {
            throw invalidToken();
        }
        User user = em.find(User.class, session.userId());
        if (user == null || !user.isActive()) {
            throw invalidToken();
        }
        return new Caller(user.id(), user.isSystemAdmin());
    }

    public void logout(String token) {
        UserSession session = findSession(token);
        if (session != null) {
            em.remove(session);
        }
    }

    public UserView user(String userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw HooklineException.notFound("app.user.missing_account.const", "Unable to find the user.");
        }
        return user.view();
    }

    private UserSession findSession(String token) {
        return em.createNamedQuery(UserSession.BY_TOKEN_HASH, UserSession.class)
                .setParameter("tokenHash", TokenDigest.of(token))
                .getResultStream().findFirst().orElse(null);
    }

    private static HooklineException invalidToken() {
        return HooklineException.unauthorized("api.context.session_expired.app_error",
                "Invalid or expired session, please login again.");
    }
}
