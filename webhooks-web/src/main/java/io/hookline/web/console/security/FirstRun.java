package io.hookline.web.console.security;

import io.hookline.api.error.HooklineException;
import io.hookline.api.view.NewUserRequest;
import io.hookline.ejb.setup.FirstStartSetup;
import io.hookline.ejb.user.UserAdmin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;

/**
 * The first-run page: on an installation with no account yet (no bootstrap variables were set), the
 * first visitor creates the system admin, as in Mattermost. Once any account exists the page sends
 * everyone to the sign-in page, and the service refuses a second "first" admin even under a race.
 */
@Named
@RequestScoped
public class FirstRun {

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

    @Inject
    private FirstStartSetup setup;

    @Inject
    private FacesContext faces;

    /** View action: the page exists only while there is no account. */
    public void checkOpen() throws IOException {
        if (!setup.needsFirstAdmin()) {
            toSignIn();
        }
    }

    public void submit() throws IOException {
        try {
            setup.createFirstAdmin(new NewUserRequest(username, email, password, "", "", ""));
        } catch (HooklineException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return;
        }
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(
                null,
                new FacesMessage(
                        FacesMessage.SEVERITY_INFO,
                        "System admin '" + username + "' created. Sign in to continue.",
                        null));
        toSignIn();
    }

    private void toSignIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + ConsoleAuthentication.SIGN_IN_PAGE);
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
}
