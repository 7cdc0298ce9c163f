package io.hookline.ejb.user;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.api.view.NewUserRequest;
import io.hookline.api.view.UserView;
import io.hookline.ejb.audit.AuditLog;
import io.hookline.ejb.common.Errors;
import io.hookline.ejb.common.Like;
import io.hookline.ejb.common.ListWindow;
import io.hookline.ejb.common.Page;
import io.hookline.ejb.settings.SettingsService;
import io.hookline.ejb.settings.SystemSettings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creates, finds and deactivates users, with Mattermost's validation rules and permissions. */
@Stateless
public class UserAdmin {

    /** Mattermost's usernames: 3–22 characters, a lowercase letter first, then letters, digits, '.', '-', '_'. */
    public static final String USERNAME_REGEX = "[a-z][a-z0-9._-]{2,21}";

    static final Pattern USERNAME = Pattern.compile(USERNAME_REGEX);
    public static final int MAX_EMAIL = 128;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    /** Mattermost's default minimum password length. */
    public static final int MIN_PASSWORD = 8;
    /** Hashing cost grows with the input: refuse absurd lengths before hashing. */
    public static final int MAX_PASSWORD = 256;

    static final int MAX_NAME = 64;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SettingsService settings;

    @Inject
    private AuditLog audit;

    @Inject
    private Passwords passwords;

    /**
     * A new user, created by a system admin, or by anyone while open sign-up
     * ({@code TeamSettings.EnableOpenServer}) is on. {@code caller} is null for an anonymous request.
     */
    public UserView create(Caller caller, NewUserRequest request) {
        if (caller == null && !settings.current().enableOpenServer()) {
            throw Errors.unauthenticated();
        }
        if (caller != null && !caller.systemAdmin() && !settings.current().enableOpenServer()) {
            throw Errors.forbidden();
        }
        return persistNew(request, false).view();
    }

    /**
     * The first account of an empty installation, a system admin, from the console's first-run page.
     * Refused (403) as soon as any account exists; the settings row is locked first so two browsers
     * racing through the first-run page cannot both succeed, on one server or several.
     */
    public User createFirstAdmin(NewUserRequest request) {
        return createFirstAdminIfNone(request)
                .orElseThrow(() -> HooklineException.forbidden(
                        "app.setup.already_done", "This installation already has its system admin: sign in instead."));
    }

    /**
     * {@link #createFirstAdmin}, but empty instead of a 403 when an account exists: for servers starting
     * unattended, where another server starting at the same time may have created the admin a moment
     * earlier (it held the lock; this one waited for it and finds the account).
     */
    public Optional<User> createFirstAdminIfNone(NewUserRequest request) {
        em.find(SystemSettings.class, SystemSettings.ID, LockModeType.PESSIMISTIC_WRITE);
        if (!needsFirstAdmin()) {
            return Optional.empty();
        }
        User admin = persistNew(request, true);
        em.flush(); // memberships created next refer to the user row
        return Optional.of(admin);
    }

    /** True while the installation has no account at all: the console then offers its first-run page. */
    public boolean needsFirstAdmin() {
        return em.createNamedQuery(User.COUNT, Long.class).getSingleResult() == 0;
    }

    private User persistNew(NewUserRequest request, boolean systemAdmin) {
        if (request == null) {
            throw Errors.invalidField("user", "username", "the request has no user.");
        }
        String username = lower(request.username());
        String email = lower(request.email());
        if (!USERNAME.matcher(username).matches()) {
            throw Errors.invalidField(
                    "user", "username", "3 to 22 characters, starting with a letter: a-z, 0-9, '.', '-' or '_'.");
        }
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw Errors.invalidField(
                    "user", "email", "a valid email address of at most " + MAX_EMAIL + " characters.");
        }
        String password = checkedPassword(request.password());
        String nickname = limited(request.nickname(), "nickname");
        String firstName = limited(request.firstName(), "first_name");
        String lastName = limited(request.lastName(), "last_name");
        if (findByUsername(username) != null) {
            throw HooklineException.badRequest(
                    "app.user.save.username_exists.app_error", "An account with that username already exists.");
        }
        if (em.createNamedQuery(User.COUNT_BY_EMAIL, Long.class)
                        .setParameter("email", email)
                        .getSingleResult()
                > 0) {
            throw HooklineException.badRequest(
                    "app.user.save.email_exists.app_error", "An account with that email already exists.");
        }
        User user = new User(
                username,
                email,
                passwords.hash(password),
                systemAdmin,
                nickname,
                firstName,
                lastName,
                System.currentTimeMillis());
        em.persist(user);
        return user;
    }

    public UserView get(String userId) {
        User user = userId == null ? null : em.find(User.class, userId);
        if (user == null) {
            throw Errors.userNotFound();
        }
        return user.view();
    }

    /**
     * Usernames by id, of those of {@code userIds} that exist, in one query: the console's lists name a page's
     * actors and hook creators with it instead of one look-up per row.
     */
    public Map<String, String> usernames(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        if (userIds.isEmpty()) {
            return names;
        }
        for (Object[] row : em.createNamedQuery(User.USERNAMES_BY_ID, Object[].class)
                .setParameter("ids", userIds)
                .getResultList()) {
            names.put((String) row[0], (String) row[1]);
        }
        return names;
    }

    public UserView byUsername(String username) {
        User user = findByUsername(lower(username));
        if (user == null) {
            throw Errors.userNotFound();
        }
        return user.view();
    }

    /**
     * Deactivates a user (self or a system admin) and ends all their sessions: API login sessions, console
     * sessions and, since the account is inactive, its personal access tokens.
     */
    public void deactivate(Caller caller, String userId) {
        if (!caller.systemAdmin() && !caller.userId().equals(userId)) {
            throw Errors.forbidden();
        }
        User user = em.find(User.class, userId);
        if (user == null) {
            throw Errors.userNotFound();
        }
        boolean wasActive = user.isActive();
        user.deactivate(System.currentTimeMillis());
        audit.record(
                caller,
                UserAudit.UPDATE_ACTIVE,
                UserAudit.target(userId),
                UserAudit.active(user.username(), wasActive, false));
        em.createNamedQuery(UserSession.DELETE_OF_USER)
                .setParameter("userId", userId)
                .executeUpdate();
    }

    /** Every account, active or not, by username: the System Console's user list (system admins only). */
    public List<UserView> list(Caller caller, Page page) {
        requireAdmin(caller);
        return page.apply(em.createNamedQuery(User.ALL, User.class))
                .getResultStream()
                .map(User::view)
                .toList();
    }

    /**
     * The System Console's sortable columns: sort key → entity field. Anything else is ignored (by username).
     * Roles sort "system_admin system_user" before "system_user", so descending puts members first.
     */
    public static final Map<String, String> SORTABLE =
            Map.of("username", "u.username", "email", "u.email", "role", "u.roles", "status", "u.deleteAt");

    /**
     * One page of the System Console's user list (system admins only): users whose username or email contains
     * {@code text} (case-insensitive, a leading '@' ignored; all users when blank), sorted as {@code window}
     * asks among {@link #SORTABLE}, by username otherwise.
     */
    public List<UserView> search(Caller caller, String text, ListWindow window) {
        requireAdmin(caller);
        TypedQuery<User> query = em.createQuery(searchJpql(text, window), User.class);
        return window.apply(bindSearch(query, text))
                .getResultStream()
                .map(User::view)
                .toList();
    }

    /** How many users {@link #search} finds in all (system admins only). */
    public long count(Caller caller, String text) {
        requireAdmin(caller);
        return bindSearch(em.createQuery(countJpql(text), Long.class), text).getSingleResult();
    }

    /** Usernames and emails are stored lowercase: the pattern is too, so no LOWER() and the indexes stay usable. */
    static String where(String text) {
        return Like.blank(searchText(text))
                ? ""
                : " WHERE u.username LIKE :q" + Like.ESCAPE_CLAUSE + " OR u.email LIKE :q" + Like.ESCAPE_CLAUSE;
    }

    static String searchJpql(String text, ListWindow window) {
        return "SELECT u FROM User u" + where(text) + " ORDER BY " + window.orderBy(SORTABLE, "u.username", "u.id");
    }

    static String countJpql(String text) {
        return "SELECT COUNT(u) FROM User u" + where(text);
    }

    private static <T> TypedQuery<T> bindSearch(TypedQuery<T> query, String text) {
        String t = searchText(text);
        return Like.blank(t) ? query : query.setParameter("q", Like.contains(t));
    }

    /** A search for "@ann" means the username ann. */
    static String searchText(String text) {
        String t = text == null ? "" : text.trim();
        return t.startsWith("@") ? t.substring(1) : t;
    }

    /** Lets a deactivated account sign in again (system admins only). */
    public UserView reactivate(Caller caller, String userId) {
        requireAdmin(caller);
        User user = existing(userId);
        boolean wasActive = user.isActive();
        user.reactivate(System.currentTimeMillis());
        audit.record(
                caller,
                UserAudit.UPDATE_ACTIVE,
                UserAudit.target(userId),
                UserAudit.active(user.username(), wasActive, true));
        return user.view();
    }

    /**
     * Sets a new password for someone (system admins only) and ends all their sessions, API and console (the
     * credential version moves on, and the API's session rows go), so a password taken over by an attacker
     * stops working everywhere at once. It also lifts a lock from failed sign-ins.
     */
    public void resetPassword(Caller caller, String userId, String newPassword) {
        requireAdmin(caller);
        String password = checkedPassword(newPassword);
        User user = existing(userId);
        user.changePassword(passwords.hash(password), System.currentTimeMillis());
        audit.record(
                caller, UserAudit.UPDATE_PASSWORD, UserAudit.target(userId), UserAudit.passwordSet(user.username()));
        em.createNamedQuery(UserSession.DELETE_OF_USER)
                .setParameter("userId", userId)
                .executeUpdate();
    }

    /**
     * Mattermost's {@code PUT /users/{id}/roles} (system admins only): {@code "system_user"} or
     * {@code "system_admin system_user"}. A change ends the user's API and console login sessions, so a demoted
     * admin's open console or token loses its admin rights at once; personal access tokens stay (they carry no
     * role: the user's current roles apply to every request made with them).
     */
    public void updateRoles(Caller caller, String userId, String roles) {
        requireAdmin(caller);
        boolean systemAdmin = Roles.requestedSystemAdmin(roles)
                .orElseThrow(() -> Errors.invalidField(
                        "user", "roles", "\"" + Roles.of(false) + "\" or \"" + Roles.of(true) + "\"."));
        User user = existing(userId);
        String before = user.roles();
        if (user.changeSystemAdmin(systemAdmin, System.currentTimeMillis())) {
            audit.record(
                    caller,
                    UserAudit.UPDATE_ROLES,
                    UserAudit.target(userId),
                    UserAudit.roles(user.username(), before, user.roles()));
            em.createNamedQuery(UserSession.DELETE_OF_USER)
                    .setParameter("userId", userId)
                    .executeUpdate();
        }
    }

    private static void requireAdmin(Caller caller) {
        if (caller == null || !caller.systemAdmin()) {
            throw Errors.forbidden();
        }
    }

    private User existing(String userId) {
        User user = userId == null ? null : em.find(User.class, userId);
        if (user == null) {
            throw Errors.userNotFound();
        }
        return user;
    }

    static String checkedPassword(String value) {
        String password = value == null ? "" : value;
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw Errors.invalidField(
                    "user", "password", "between " + MIN_PASSWORD + " and " + MAX_PASSWORD + " characters.");
        }
        return password;
    }

    private User findByUsername(String username) {
        return em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private static String lower(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }

    private static String limited(String value, String field) {
        String v = value == null ? "" : value;
        if (v.length() > MAX_NAME) {
            throw Errors.invalidField("user", field, "at most " + MAX_NAME + " characters.");
        }
        return v;
    }
}
