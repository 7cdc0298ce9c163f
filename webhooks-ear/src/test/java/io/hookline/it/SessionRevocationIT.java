package io.hookline.it;

import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertStatusOk;
import static io.hookline.it.ApiFixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15 point 5: a password reset, a deactivation or a demotion ends the user's API login sessions and console
 * sessions at once; personal access tokens survive a demotion (with the user's new, smaller rights) but not a
 * deactivation; each user keeps at most {@link #MAX_SESSIONS_PER_USER} login sessions.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionRevocationIT {

    /** SignInRecords.MAX_SESSIONS_PER_USER. */
    static final int MAX_SESSIONS_PER_USER = 10;

    static final String SESSION_EXPIRED = "api.context.session_expired.app_error";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private static HooklineClient admin;

    @BeforeAll
    static void signIn() {
        admin = ApiFixtures.admin();
    }

    @Test
    void aPasswordResetEndsTheUsersApiAndConsoleSessions() {
        TestUser user = newUser(admin, "reset");
        ConsoleSession console = ConsoleSession.signIn(user.username(), user.password());
        assertOnConsole(console);
        assertEquals(200, user.client().get("/api/v4/users/me").statusCode());

        assertStatusOk(admin.put(
                "/api/v4/users/" + user.id() + "/password",
                Json.createObjectBuilder()
                        .add("new_password", "Brand-new-Passw0rd")
                        .build()));

        assertError(401, SESSION_EXPIRED, user.client().get("/api/v4/users/me"));
        assertSentToSignIn(console);
        assertEquals(
                401,
                new HooklineClient().login(user.username(), user.password()).statusCode());
        HooklineClient again = new HooklineClient();
        assertEquals(200, again.login(user.username(), "Brand-new-Passw0rd").statusCode());
        assertEquals(200, again.get("/api/v4/users/me").statusCode());
        assertOnConsole(ConsoleSession.signIn(user.username(), "Brand-new-Passw0rd"));
    }

    @Test
    void deactivationEndsSessionsAndPersonalAccessTokens() {
        TestUser user = newUser(admin, "deact");
        HooklineClient pat = new HooklineClient().withToken(personalAccessToken(user));
        ConsoleSession console = ConsoleSession.signIn(user.username(), user.password());
        assertOnConsole(console);
        assertEquals(200, pat.get("/api/v4/users/me").statusCode());

        assertStatusOk(admin.delete("/api/v4/users/" + user.id()));

        assertError(401, SESSION_EXPIRED, user.client().get("/api/v4/users/me"));
        assertError(401, SESSION_EXPIRED, pat.get("/api/v4/users/me"));
        assertSentToSignIn(console);
    }

    @Test
    void aDemotionEndsSessionsAndLeavesAccessTokensWithoutAdminRights() {
        TestUser user = newUser(admin, "demote");
        String roles = "/api/v4/users/" + user.id() + "/roles";
        assertStatusOk(admin.put(
                roles,
                Json.createObjectBuilder()
                        .add("roles", "system_admin system_user")
                        .build()));
        HooklineClient session = new HooklineClient();
        assertEquals(200, session.login(user.username(), user.password()).statusCode());
        HooklineClient pat = new HooklineClient().withToken(personalAccessToken(user));
        ConsoleSession console = ConsoleSession.signIn(user.username(), user.password());
        assertOnConsole(console);
        assertEquals(200, console.get("/console/system/settings.xhtml").statusCode());
        assertEquals(200, session.get("/api/v4/config").statusCode(), "an admin reads the config");
        assertEquals(200, pat.get("/api/v4/config").statusCode());

        assertStatusOk(admin.put(
                roles, Json.createObjectBuilder().add("roles", "system_user").build()));

        assertError(401, SESSION_EXPIRED, session.get("/api/v4/users/me"));
        assertSentToSignIn(console);
        assertEquals(200, pat.get("/api/v4/users/me").statusCode(), "the token still works ...");
        assertError(403, "api.context.permissions.app_error", pat.get("/api/v4/config"));
        JsonObject me = HooklineClient.json(pat.get("/api/v4/users/me"));
        assertEquals("system_user", me.getString("roles"));
    }

    @Test
    void onlySystemAdminsChangeRolesAndOnlyToKnownOnes() {
        TestUser user = newUser(admin, "roles");
        String roles = "/api/v4/users/" + user.id() + "/roles";
        assertError(
                403,
                "api.context.permissions.app_error",
                user.client()
                        .put(
                                roles,
                                Json.createObjectBuilder()
                                        .add("roles", "system_admin system_user")
                                        .build()));
        ApiFixtures.assertInvalidField(
                "roles",
                admin.put(
                        roles,
                        Json.createObjectBuilder().add("roles", "system_admin").build()));
        ApiFixtures.assertInvalidField(
                "roles",
                admin.put(
                        roles,
                        Json.createObjectBuilder()
                                .add("roles", "system_user team_admin")
                                .build()));
        assertEquals(200, user.client().get("/api/v4/users/me").statusCode(), "refused changes end nothing");
    }

    @Test
    void eachUserKeepsAtMostTenLoginSessionsTheOldestDroppedFirst() {
        TestUser user = newUser(admin, "many");
        List<HooklineClient> sessions = new ArrayList<>();
        sessions.add(user.client());
        while (sessions.size() < MAX_SESSIONS_PER_USER) {
            HooklineClient client = new HooklineClient();
            assertEquals(200, client.login(user.username(), user.password()).statusCode());
            sessions.add(client);
        }
        // At the bound every session works.
        for (HooklineClient client : sessions) {
            assertEquals(200, client.get("/api/v4/users/me").statusCode());
        }
        HooklineClient newest = new HooklineClient();
        assertEquals(200, newest.login(user.username(), user.password()).statusCode());
        // Past it the oldest has gone, the rest stay.
        assertError(401, SESSION_EXPIRED, sessions.get(0).get("/api/v4/users/me"));
        for (HooklineClient client : sessions.subList(1, sessions.size())) {
            assertEquals(200, client.get("/api/v4/users/me").statusCode());
        }
        assertEquals(200, newest.get("/api/v4/users/me").statusCode());
    }

    private static String personalAccessToken(TestUser user) {
        HttpResponse<String> created = admin.postJson(
                "/api/v4/users/" + user.id() + "/tokens",
                Json.createObjectBuilder().add("description", "revocation test").build());
        assertEquals(200, created.statusCode(), created.body());
        return HooklineClient.json(created).getString("token");
    }

    private static void assertOnConsole(ConsoleSession console) {
        HttpResponse<String> home = console.get("/console/index.xhtml");
        assertEquals(200, home.statusCode());
        assertTrue(home.uri().getPath().startsWith("/console/"), "still signed in: " + home.uri());
    }

    private static void assertSentToSignIn(ConsoleSession console) {
        HttpResponse<String> page = console.get("/console/index.xhtml");
        assertTrue(page.uri().getPath().endsWith("/signin.xhtml"), "sent to sign in, but at " + page.uri());
        // And it stays signed out: the next request does not get the console back.
        assertTrue(console.get("/console/index.xhtml").uri().getPath().endsWith("/signin.xhtml"));
    }
}
