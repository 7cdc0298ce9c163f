package io.hookline.ejb.user;

import io.hookline.api.auth.Caller;
import io.hookline.api.error.HooklineException;
import io.hookline.api.view.NewUserRequest;
import io.hookline.api.view.UserView;
import io.hookline.ejb.common.Errors;
import io.hookline.ejb.settings.SettingsService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.regex.Pattern;

/** Creates, finds and deactivates users, with Mattermost's validation rules and permissions. */
@Stateless
public class UserAdmin {

    /** Mattermost's usernames: 3–22 characters, a lowercase letter first, then letters, digits, '.', '-', '_'. */
    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,21}");
    static final int MAX_EMAIL = 128;
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
        if (request == null) {
            throw Errors.invalidField("user", "username", "the request has no user.");
        }
        String username = lower(request.username());
        String email = lower(request.email());
        if (!USERNAME.matcher(username).matches()) {
            throw Errors.invalidField("user", "username",
                    "3 to 22 characters, starting with a letter: a-z, 0-9, '.', '-' or '_'.");
        }
        if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            throw Errors.invalidField("user", "email", "a valid email address of at most " + MAX_EMAIL + " characters.");
        }
        String password = request.password() == null ? "" : request.password();
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw Errors.invalidField("user", "password",
                    "between " + MIN_PASSWORD + " and " + MAX_PASSWORD + " characters.");
        }
        String nickname = limited(request.nickname(), "nickname");
        String firstName = limited(request.firstName(), "first_name");
        String lastName = limited(request.lastName(), "last_name");
        if (findByUsername(username) != null) {
            throw HooklineException.badRequest("app.user.save.username_exists.app_error",
                    "An account with that username already exists.");
        }
        if (em.createNamedQuery(User.COUNT_BY_EMAIL, Long.class).setParameter("email", email).getSingleResult() > 0) {
            throw HooklineException.badRequest("app.user.save.email_exists.app_error",
                    "An account with that email already exists.");
        }
        User user = new User(username, email, password, false, nickname, firstName, lastName,
                System.currentTimeMillis());
        em.persist(user);
        return user.view();
    }

    public UserView get(String userId) {
        User user = userId == null ? null : em.find(User.class, userId);
        if (user == null) {
            throw Errors.userNotFound();
        }
        return user.view();
    }

    public UserView byUsername(String username) {
        User user = findByUsername(lower(username));
        if (user == null) {
            throw Errors.userNotFound();
        }
        return user.view();
    }

    /** Deactivates a user (self or a system admin) and ends all their login sessions. */
    public void deactivate(Caller caller, String userId) {
        if (!caller.systemAdmin() && !caller.userId().equals(userId)) {
            throw Errors.forbidden();
        }
        User user = em.find(User.class, userId);
        if (user == null) {
            throw Errors.userNotFound();
        }
        user.deactivate(System.currentTimeMillis());
        em.createNamedQuery(UserSession.DELETE_OF_USER).setParameter("userId", userId).executeUpdate();
    }

    private User findByUsername(String username) {
        return em.createNamedQuery(User.BY_USERNAME, User.class).setParameter("username", username)
                .getResultStream().findFirst().orElse(null);
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
