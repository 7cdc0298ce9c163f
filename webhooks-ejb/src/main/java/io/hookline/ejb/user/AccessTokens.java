package io.hookline.ejb.user;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.api.view.TokenView;
import io.hookline.ejb.audit.AuditLog;
import io.hookline.ejb.common.Errors;
import io.hookline.ejb.common.Ids;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Personal access tokens, with Mattermost's default permissions: only a system admin creates them
 * (for any user); the owner or an admin lists and revokes them.
 */
@Stateless
public class AccessTokens {

    public static final int MAX_DESCRIPTION = 512;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AuditLog audit;

    public TokenView create(Caller caller, String userId, String description) {
        if (!caller.systemAdmin()) {
            throw Errors.forbidden();
        }
        User user = em.find(User.class, userId);
        if (user == null) {
            throw Errors.userNotFound();
        }
        if (!user.isActive()) {
            throw HooklineException.badRequest(
                    "api.user.create_user_access_token.inactive.app_error", "The user is deactivated.");
        }
        if (description == null || description.isBlank() || description.length() > MAX_DESCRIPTION) {
            throw Errors.invalidField(
                    "user_access_token", "description", "required, at most " + MAX_DESCRIPTION + " characters.");
        }
        String token = Ids.newId();
        UserAccessToken stored =
                new UserAccessToken(TokenDigest.of(token), userId, description, System.currentTimeMillis());
        em.persist(stored);
        TokenView created = stored.viewWithSecret(token);
        audit.record(
                caller,
                UserAudit.CREATE_TOKEN,
                UserAudit.target(userId),
                UserAudit.tokenCreated(user.username(), created.id(), description));
        return created;
    }

    public List<TokenView> list(Caller caller, String userId) {
        requireOwnerOrAdmin(caller, userId);
        return em.createNamedQuery(UserAccessToken.OF_USER, UserAccessToken.class)
                .setParameter("userId", userId)
                .getResultStream()
                .map(UserAccessToken::view)
                .toList();
    }

    public void revoke(Caller caller, String tokenId) {
        UserAccessToken token = tokenId == null ? null : em.find(UserAccessToken.class, tokenId);
        if (token == null) {
            throw HooklineException.notFound(
                    "app.user_access_token.get_by_token.app_error", "Unable to find the token.");
        }
        requireOwnerOrAdmin(caller, token.userId());
        token.revoke();
        audit.record(caller, UserAudit.REVOKE_TOKEN, UserAudit.target(token.userId()), UserAudit.tokenRevoked(tokenId));
    }

    private static void requireOwnerOrAdmin(Caller caller, String userId) {
        if (!caller.systemAdmin() && !caller.userId().equals(userId)) {
            throw Errors.forbidden();
        }
    }
}
