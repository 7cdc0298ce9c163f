package io.hookline.ejb.user;

import io.hookline.api.view.UserView;
import io.hookline.ejb.common.Ids;
import io.hookline.ejb.lookup.LookupChangeListener;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A person (or the creator of an integration). Roles as Mattermost spells them, see {@link Roles}. */
@Entity
@EntityListeners(LookupChangeListener.class)
@Table(name = "users")
@NamedQuery(name = User.BY_USERNAME, query = "SELECT u FROM User u WHERE u.username = :username")
@NamedQuery(name = User.BY_LOGIN_ID, query = "SELECT u FROM User u WHERE u.username = :loginId OR u.email = :loginId")
@NamedQuery(name = User.COUNT, query = "SELECT COUNT(u) FROM User u")
@NamedQuery(name = User.ALL, query = "SELECT u FROM User u ORDER BY u.username")
@NamedQuery(name = User.COUNT_BY_EMAIL, query = "SELECT COUNT(u) FROM User u WHERE u.email = :email")
@NamedQuery(name = User.USERNAMES_BY_ID, query = "SELECT u.id, u.username FROM User u WHERE u.id IN :ids")
public class User {

    public static final String BY_USERNAME = "User.byUsername";
    public static final String BY_LOGIN_ID = "User.byLoginId";
    public static final String COUNT = "User.count";
    public static final String ALL = "User.all";
    public static final String COUNT_BY_EMAIL = "User.countByEmail";
    /** Pairs (id, username) for a set of ids: mentions are resolved in one query, not one per mention. */
    public static final String USERNAMES_BY_ID = "User.usernamesById";

    @Id
    private String id;

    private String username;
    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    private String nickname;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    private String roles;

    @Column(name = "create_at")
    private long createAt;

    @Column(name = "update_at")
    private long updateAt;

    @Column(name = "delete_at")
    private long deleteAt;

    @Column(name = "failed_attempts")
    private int failedAttempts;

    @Column(name = "last_failed_at")
    private long lastFailedAt;
    /** Bumped whenever the sessions made before must end: see {@link #endSessions()}. */
    @Column(name = "credential_version")
    private long credentialVersion;

    protected User() {}

    /** {@code passwordHash} is made by {@link Passwords#hash(String)}: an entity cannot reach the server's hashing. */
    public User(String username, String email, String passwordHash, boolean systemAdmin, long now) {
        this(username, email, passwordHash, systemAdmin, "", "", "", now);
    }

    public User(
            String username,
            String email,
            String passwordHash,
            boolean systemAdmin,
            String nickname,
            String firstName,
            String lastName,
            long now) {
        this.id = Ids.newId();
        this.username = username;
        this.email = email;
        this.passwordHash = passwordHash;
        this.nickname = nickname;
        this.firstName = firstName;
        this.lastName = lastName;
        this.roles = Roles.of(systemAdmin);
        this.createAt = now;
        this.updateAt = now;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public boolean isActive() {
        return deleteAt == 0;
    }

    public boolean isSystemAdmin() {
        return Roles.isSystemAdmin(roles);
    }

    /** Deactivation, Mattermost's "delete": the row stays (posts and hooks keep their author), sign-in stops. */
    public void deactivate(long now) {
        if (deleteAt == 0) {
            deleteAt = now;
            updateAt = now;
            endSessions();
        }
    }

    /** Undoes {@link #deactivate(long)}: the same account signs in again. */
    public void reactivate(long now) {
        if (deleteAt != 0) {
            deleteAt = 0;
            updateAt = now;
        }
    }

    /**
     * A new password ({@code passwordHash} from {@link Passwords#hash(String)}): the old one stops working at
     * once, every session made with it ends, and a lock from failed sign-ins is lifted (an admin's reset is how
     * a locked account reopens).
     */
    public void changePassword(String passwordHash, long now) {
        this.passwordHash = passwordHash;
        this.updateAt = now;
        this.failedAttempts = 0;
        this.lastFailedAt = 0;
        endSessions();
    }

    /** Mattermost's space-separated role names, as stored. */
    public String roles() {
        return roles;
    }

    /** True when the roles changed: system admin added or taken away. Every session ends either way. */
    public boolean changeSystemAdmin(boolean systemAdmin, long now) {
        if (systemAdmin == isSystemAdmin()) {
            return false;
        }
        this.roles = Roles.of(systemAdmin);
        this.updateAt = now;
        // A console session keeps the roles it signed in with; the next sign-in picks up the new ones.
        endSessions();
        return true;
    }

    /** Console sessions and API login sessions carry the version they were made under; this one ends them. */
    void endSessions() {
        credentialVersion++;
    }

    public long credentialVersion() {
        return credentialVersion;
    }

    String passwordHash() {
        return passwordHash;
    }

    int failedAttempts() {
        return failedAttempts;
    }

    long lastFailedAt() {
        return lastFailedAt;
    }

    /** One more wrong password in a row, after {@code failuresBefore} (an expired lock counts as none). */
    void recordFailedPassword(int failuresBefore, long now) {
        failedAttempts = failuresBefore + 1;
        lastFailedAt = now;
    }

    /**
     * A successful sign-in: the count of failures starts again, and a hash of the old cost is replaced by
     * {@code upgradedHash} (made outside the transaction) unless the password changed meanwhile.
     */
    void recordSignIn(String verifiedHash, String upgradedHash) {
        failedAttempts = 0;
        lastFailedAt = 0;
        if (upgradedHash != null && verifiedHash.equals(passwordHash)) {
            passwordHash = upgradedHash;
        }
    }

    public UserView view() {
        return new UserView(id, createAt, updateAt, deleteAt, username, email, nickname, firstName, lastName, roles);
    }
}
