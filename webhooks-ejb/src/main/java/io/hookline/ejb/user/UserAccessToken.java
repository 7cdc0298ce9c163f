package io.hookline.ejb.user;

import io.hookline.api.view.TokenView;
import io.hookline.ejb.common.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A personal access token: a long-lived bearer token for scripts; only its digest is stored. */
@Entity
@Table(name = "user_access_tokens")
@NamedQuery(
        name = UserAccessToken.BY_TOKEN_HASH,
        query = "SELECT t FROM UserAccessToken t WHERE t.tokenHash = :tokenHash")
@NamedQuery(
        name = UserAccessToken.OF_USER,
        query = "SELECT t FROM UserAccessToken t WHERE t.userId = :userId ORDER BY t.createAt")
public class UserAccessToken {

    static final String BY_TOKEN_HASH = "UserAccessToken.byTokenHash";
    static final String OF_USER = "UserAccessToken.ofUser";

    @Id
    private String id;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "user_id")
    private String userId;

    private String description;

    @Column(name = "is_active")
    private boolean active;

    @Column(name = "create_at")
    private long createAt;

    protected UserAccessToken() {}

    UserAccessToken(String tokenHash, String userId, String description, long now) {
        this.id = Ids.newId();
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.description = description;
        this.active = true;
        this.createAt = now;
    }

    String userId() {
        return userId;
    }

    boolean isActive() {
        return active;
    }

    void revoke() {
        active = false;
    }

    /** The view without the secret, which exists only in the answer that created the token. */
    TokenView view() {
        return new TokenView(id, null, userId, description, active);
    }

    TokenView viewWithSecret(String token) {
        return new TokenView(id, token, userId, description, active);
    }
}
