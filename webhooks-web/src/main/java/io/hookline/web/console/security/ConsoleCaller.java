package io.hookline.web.console.security;

import io.hookline.api.auth.Caller;
import io.hookline.api.view.UserView;
import io.hookline.ejb.user.UserAdmin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.security.enterprise.SecurityContext;

/**
 * Who is signed in to the console, for pages ({@code #{me.username}}, {@code #{me.admin}}) and for the
 * beans' calls into the EJB services ({@link #caller()}), read once per request.
 */
@Named("me")
@RequestScoped
public class ConsoleCaller {

    @Inject
    private SecurityContext security;

    @Inject
    private UserAdmin users;

    @Inject
    private HttpServletRequest request;

    private UserView user;

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    /** The signed-in account; the security constraints guarantee one on every {@code /console/*} page. */
    public UserView user() {
        if (user == null) {
            var principal = security.getCallerPrincipal();
            if (principal == null) {
                throw new IllegalStateException("no console sign-in on this request");
            }
            user = users.get(principal.getName());
        }
        return user;
    }

    public Caller caller() {
        return new Caller(user().id(), isAdmin(), request.getRemoteAddr());
    }

    public String getId() {
        return user().id();
    }

    public String getUsername() {
        return user().username();
    }

    public boolean isAdmin() {
        return security.isCallerInRole(ConsoleAuthentication.ROLE_SYSTEM_ADMIN);
    }
}
