package io.hookline.web.console.security;

import io.hookline.api.auth.Caller;
import io.hookline.api.view.UserView;
import io.hookline.ejb.user.UserAdmin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/**
 * Who is signed in to the console, for pages ({@code #{me.username}}, {@code #{me.admin}}) and for the
 * beans' calls into the EJB services ({@link #caller()}), read once per request.
 *
 * <p>The one owner of "is anyone signed in": the servlet request's user principal, which is null for an
 * anonymous request on every server. {@code SecurityContext.getCallerPrincipal()} is not: on WildFly it is
 * Elytron's anonymous principal, and testing it for null made every console page a 500 or a redirect loop there.
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

    /** For CDI. */
    protected ConsoleCaller() {}

    /** For tests: the request, security context and users the container would inject. */
    ConsoleCaller(HttpServletRequest request, SecurityContext security, UserAdmin users) {
        this.request = request;
        this.security = security;
        this.users = users;
    }

    public boolean isSignedIn() {
        return request.getUserPrincipal() != null;
    }

    /** The signed-in account; the security constraints guarantee one on every {@code /console/*} page. */
    public UserView user() {
        if (user == null) {
            Principal principal = request.getUserPrincipal();
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
