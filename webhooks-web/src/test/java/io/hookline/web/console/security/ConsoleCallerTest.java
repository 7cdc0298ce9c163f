package io.hookline.web.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.api.view.UserView;
import io.hookline.ejb.user.UserAdmin;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.security.Principal;
import org.junit.jupiter.api.Test;

/**
 * Who is signed in, as every server answers it: WildFly's SecurityContext names an anonymous caller (Elytron's
 * anonymous principal), so only the request's user principal tells anonymous from signed in.
 */
class ConsoleCallerTest {

    /** What Elytron's SecurityContext gives an anonymous request: a principal, and no role. */
    private static final Principal ANONYMOUS = () -> "anonymous";

    @Test
    void anAnonymousRequestIsNotSignedInEvenWhenTheSecurityContextNamesACaller() {
        ConsoleCaller me = new ConsoleCaller(request(null), securityContext(ANONYMOUS, false), users());
        assertFalse(me.isSignedIn());
        assertThrows(IllegalStateException.class, me::user, "no account is looked up for 'anonymous'");
    }

    @Test
    void aSignedInRequestIsTheAccountOfItsUserPrincipal() {
        Principal ada = () -> "ada-id";
        ConsoleCaller me = new ConsoleCaller(request(ada), securityContext(ada, true), users());
        assertTrue(me.isSignedIn());
        assertEquals("ada-id", me.getId());
        assertEquals("ada", me.getUsername());
        assertTrue(me.isAdmin());
        assertEquals("192.0.2.7", me.caller().remoteAddress());
    }

    private static HttpServletRequest request(Principal principal) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getUserPrincipal" -> principal;
                    case "getRemoteUser" -> principal == null ? null : principal.getName();
                    case "getRemoteAddr" -> "192.0.2.7";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static SecurityContext securityContext(Principal caller, boolean admin) {
        return (SecurityContext) Proxy.newProxyInstance(
                SecurityContext.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getCallerPrincipal" -> caller;
                    case "isCallerInRole" -> admin && ConsoleAuthentication.ROLE_SYSTEM_ADMIN.equals(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** One account, "ada"; any other id is not found. */
    private static UserAdmin users() {
        return new UserAdmin() {
            @Override
            public UserView get(String userId) {
                if (!"ada-id".equals(userId)) {
                    throw new IllegalStateException("looked up " + userId);
                }
                return new UserView(
                        "ada-id", 1L, 1L, 0L, "ada", "ada@example.com", "", "", "", "system_admin system_user");
            }
        };
    }
}
