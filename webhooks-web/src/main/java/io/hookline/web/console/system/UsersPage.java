package io.hookline.web.console.system;

import io.hookline.api.error.HooklineException;
import io.hookline.api.view.NewUserRequest;
import io.hookline.api.view.UserView;
import io.hookline.ejb.common.ListWindow;
import io.hookline.ejb.user.Roles;
import io.hookline.ejb.user.UserAdmin;
import io.hookline.web.console.ConsoleListModel;
import io.hookline.web.console.ConsolePages;
import io.hookline.web.console.security.ConsoleCaller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * System Console → Users: every account, active or deactivated, {@value ListWindow#CONSOLE_ROWS} a page from the
 * server, searched by username or email ({@code ?q=}) and sorted by column; create one; deactivate and reactivate;
 * and set a new password for the user named by {@code ?user=}.
 */
@Named
@RequestScoped
public class UsersPage {

    @NotBlank(message = "Choose a username.")
    @Pattern(
            regexp = UserAdmin.USERNAME_REGEX,
            message = "3 to 22 characters, starting with a lowercase letter: a-z, 0-9, '.', '-' or '_'.")
    private String username;

    @NotBlank(message = "Enter an email address.")
    @Email(message = "Enter a valid email address.")
    @Size(max = UserAdmin.MAX_EMAIL, message = "At most " + UserAdmin.MAX_EMAIL + " characters.")
    private String email;

    @NotBlank(message = "Choose a password.")
    @Size(
            min = UserAdmin.MIN_PASSWORD,
            max = UserAdmin.MAX_PASSWORD,
            message = "Between " + UserAdmin.MIN_PASSWORD + " and " + UserAdmin.MAX_PASSWORD + " characters.")
    private String password;

    @NotBlank(message = "Choose a new password.")
    @Size(
            min = UserAdmin.MIN_PASSWORD,
            max = UserAdmin.MAX_PASSWORD,
            message = "Between " + UserAdmin.MIN_PASSWORD + " and " + UserAdmin.MAX_PASSWORD + " characters.")
    private String newPassword;

    @NotBlank(message = "Type the new password again.")
    private String repeatPassword;

    @Inject
    private UserAdmin users;

    @Inject
    private ConsoleCaller me;

    @Inject
    private FacesContext faces;

    private ConsoleListModel<UserView> list;
    private String query;
    private UserView selected;
    private String missing;

    @PostConstruct
    void load() {
        query = ConsolePages.param("q");
        String search = query;
        list = new ConsoleListModel<>(
                window -> users.search(me.caller(), search, window),
                () -> users.count(me.caller(), search),
                UserView::id);
        String name = ConsolePages.param("user");
        if (name != null) {
            try {
                selected = users.byUsername(name);
            } catch (HooklineException e) {
                missing = e.getMessage();
            }
        }
    }

    public void create() {
        try {
            UserView user = users.create(me.caller(), new NewUserRequest(username, email, password, "", "", ""));
            ConsolePages.info("User @" + user.username() + " created.");
            username = null;
            email = null;
            password = null;
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
    }

    public void deactivate(UserView user) {
        if (user.id().equals(me.getId())) {
            ConsolePages.error(HooklineException.badRequest(
                    "api.user.deactivate.self", "You cannot deactivate your own account here."));
            return;
        }
        try {
            users.deactivate(me.caller(), user.id());
            ConsolePages.info("@" + user.username() + " deactivated: they can no longer sign in.");
            load();
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
    }

    public void reactivate(UserView user) {
        try {
            users.reactivate(me.caller(), user.id());
            ConsolePages.info("@" + user.username() + " reactivated.");
            load();
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
    }

    public void resetPassword() {
        if (!newPassword.equals(repeatPassword)) {
            ConsolePages.invalid("reset:repeatPassword", "The two passwords differ.");
            return;
        }
        try {
            users.resetPassword(me.caller(), selected.id(), newPassword);
            ConsolePages.info("New password set for @" + selected.username() + ".");
        } catch (HooklineException e) {
            ConsolePages.error(e);
        }
    }

    public boolean active(UserView user) {
        return user.deleteAt() == 0;
    }

    public boolean self(UserView user) {
        return user.id().equals(me.getId());
    }

    /** Mattermost's role names as the System Console shows them. */
    public String roleLabel(UserView user) {
        return Roles.isSystemAdmin(user.roles()) ? "System Admin" : "Member";
    }

    /** The list, one page at a time. */
    public ConsoleListModel<UserView> getUsers() {
        return list;
    }

    /** The search text ({@code ?q=}), or null. */
    public String getQuery() {
        return query;
    }

    public UserView getSelected() {
        return selected;
    }

    public String getMissing() {
        return missing;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatPassword() {
        return repeatPassword;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword;
    }
}
