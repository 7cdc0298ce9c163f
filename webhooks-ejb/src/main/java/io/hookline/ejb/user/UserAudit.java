package io.hookline.ejb.user;

import io.hookline.ejb.audit.AuditDetails;

/**
 * What the audit log says about changes to accounts and their credentials: Mattermost's action names, the
 * account as target. Never a password or a token's secret, only the token's id: the audit log is read by
 * every system admin and sent to the server log.
 */
public final class UserAudit {

    public static final String CREATE_TOKEN = "createUserAccessToken";
    public static final String REVOKE_TOKEN = "revokeUserAccessToken";
    /** An admin sets someone's password (Mattermost's PUT /users/{id}/password is audited under this name). */
    public static final String UPDATE_PASSWORD = "updatePassword";
    /** Deactivation and reactivation alike, the details saying which. */
    public static final String UPDATE_ACTIVE = "updateUserActive";
    /** A change of system role (promotion or demotion); the details say roles before → after. */
    public static final String UPDATE_ROLES = "updateUserRoles";

    private UserAudit() {}

    public static String target(String userId) {
        return "user " + userId;
    }

    static AuditDetails tokenCreated(String username, String tokenId, String description) {
        return AuditDetails.of()
                .with("username", username)
                .with("token_id", tokenId)
                .with("description", description);
    }

    static AuditDetails tokenRevoked(String tokenId) {
        return AuditDetails.of().with("token_id", tokenId);
    }

    static AuditDetails passwordSet(String username) {
        return AuditDetails.of().with("username", username).with("password", "set by an admin");
    }

    static AuditDetails active(String username, boolean before, boolean after) {
        return AuditDetails.of().with("username", username).changed("active", before, after);
    }

    /** For whatever path changes a user's roles: {@code roles "system_user" → "system_admin system_user"}. */
    public static AuditDetails roles(String username, String before, String after) {
        return AuditDetails.of().with("username", username).changed("roles", before, after);
    }
}
