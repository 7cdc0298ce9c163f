package io.hookline.ejb.user;

import io.hookline.ejb.common.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A signed-in session behind one bearer token; the token itself is never stored, only its digest. */
@Entity
@Table(name = "sessions")
@NamedQuery(name = UserSession.BY_TOKEN_HASH, query = "SELECT s FROM UserSession s WHERE s.tokenHash = :tokenHash")
@NamedQuery(name = UserSession.DELETE_BY_TOKEN_HASH, query = "DELETE FROM UserSession s WHERE s.tokenHash = :tokenHash")
@NamedQuery(name = UserSession.DELETE_OF_USER, query = "DELETE FROM UserSession s WHERE s.userId = :userId")
@NamedQuery(name = UserSession.DELETE_EXPIRED, query = "DELETE FROM UserSession s WHERE s.expiresAt <= :now")
@NamedQuery(
        name = UserSession.DELETE_EXPIRED_OF_USER,
        query = "DELETE FROM UserSession s WHERE s.userId = :userId AND s.expiresAt <= :now")
@NamedQuery(
        name = UserSession.IDS_OF_USER_NEWEST_FIRST,
        query = "SELECT s.id FROM UserSession s WHERE s.userId = :userId ORDER BY s.createAt DESC, s.id DESC")
@NamedQuery(name = UserSession.DELETE_BY_IDS, query = "DELETE FROM UserSession s WHERE s.id IN :ids")
public class UserSession {

    public static final String BY_TOKEN_HASH = "UserSession.byTokenHash";
    static final String DELETE_BY_TOKEN_HASH = "UserSession.deleteByTokenHash";
    static final String DELETE_OF_USER = "UserSession.deleteOfUser";
    static final String DELETE_EXPIRED = "UserSession.deleteExpired";
    static final String DELETE_EXPIRED_OF_USER = "UserSession.deleteExpiredOfUser";
    static final String IDS_OF_USER_NEWEST_FIRST = "UserSession.idsOfUserNewestFirst";
    static final String DELETE_BY_IDS = "UserSession.deleteByIds";

    @Id
    private String id;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "create_at")
    private long createAt;

    @Column(name = "expires_at")
    private long expiresAt;
    /** The user's credential version at sign-in: the session ends when the user's moves on. */
    @Column(name = "credential_version")
    private long credentialVersion;

    protected UserSession() {}

    UserSession(String tokenHash, String userId, long credentialVersion, long now, long lifetimeMillis) {
        this.credentialVersion = credentialVersion;
        this.id = Ids.newId();
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.createAt = now;
        this.expiresAt = now + lifetimeMillis;
    }

    String userId() {
        return userId;
    }

    long credentialVersion() {
        return credentialVersion;
    }

    boolean isExpiredAt(long now) {
        return now >= expiresAt;
    }
}
