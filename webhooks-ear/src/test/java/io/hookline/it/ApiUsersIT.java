package io.hookline.it;

import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertId;
import static io.hookline.it.ApiFixtures.assertInvalidField;
import static io.hookline.it.ApiFixtures.assertStatusOk;
import static io.hookline.it.ApiFixtures.ids;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.newUserBody;
import static io.hookline.it.ApiFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/v4/users}: sign-up by the admin (or openly), look-ups, logout, deactivation, access tokens. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiUsersIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;

    @BeforeEach
    void signIn() {
        admin = ApiFixtures.admin();
    }

    // --- creating users ----------------------------------------------------------------------------------

    @Test
    void adminCreatesAUserWhoCanSignIn() {
        String username = unique("u");
        JsonObject body = Json.createObjectBuilder(newUserBody(username))
                .add("nickname", "Nick")
                .add("first_name", "Ada")
                .add("last_name", "Lovelace")
                .build();
        HttpResponse<String> response = admin.postJson("/api/v4/users", body);
        assertEquals(201, response.statusCode(), response.body());
        JsonObject user = HooklineClient.json(response);
        assertId(user.getString("id"));
        assertEquals(username, user.getString("username"));
        assertEquals(body.getString("email"), user.getString("email"));
        assertEquals("system_user", user.getString("roles"));
        assertEquals("Nick", user.getString("nickname"));
        assertEquals("Ada", user.getString("first_name"));
        assertEquals("Lovelace", user.getString("last_name"));
        assertTrue(user.getJsonNumber("create_at").longValue() > 0, user.toString());
        assertTrue(user.getJsonNumber("update_at").longValue() > 0, user.toString());
        assertEquals(0, user.getJsonNumber("delete_at").longValue());
        assertFalse(user.containsKey("password"), user.toString());
        assertFalse(user.toString().contains(body.getString("password")), "the password must not come back");

        HooklineClient client = new HooklineClient();
        HttpResponse<String> login = client.login(username, body.getString("password"));
        assertEquals(200, login.statusCode(), login.body());
        assertEquals(user.getString("id"), ApiFixtures.userId(client));
    }

    @Test
    void aUserWhoIsNotAdminCannotCreateUsers() {
        TestUser user = newUser(admin, "u");
        assertError(403, user.client().postJson("/api/v4/users", newUserBody(unique("u"))));
    }

    @Test
    void anonymousSignUpFollowsEnableOpenServer() {
        JsonValue original = ApiFixtures.setting(ApiFixtures.config(admin), "TeamSettings", "EnableOpenServer");
        try {
            ApiFixtures.patchConfig(admin, "TeamSettings", "EnableOpenServer", JsonValue.FALSE);
            assertError(401, ApiFixtures.anonymous().postJson("/api/v4/users", newUserBody(unique("u"))));

            ApiFixtures.patchConfig(admin, "TeamSettings", "EnableOpenServer", JsonValue.TRUE);
            String username = unique("u");
            HttpResponse<String> response = ApiFixtures.anonymous().postJson("/api/v4/users", newUserBody(username));
            assertEquals(201, response.statusCode(), response.body());
            JsonObject user = HooklineClient.json(response);
            assertEquals(username, user.getString("username"));
            assertEquals("system_user", user.getString("roles"), "open sign-up never makes an admin");
        } finally {
            ApiFixtures.patchConfig(admin, "TeamSettings", "EnableOpenServer", original);
        }
    }

    @Test
    void invalidUsernamesAre400NamingTheField() {
        for (String username : new String[] {"A b" + ApiFixtures.suffix(), "ab", "1" + unique("u")}) {
            assertInvalidField(
                    "username",
                    admin.postJson(
                            "/api/v4/users",
                            Json.createObjectBuilder()
                                    .add("username", username)
                                    .add("email", unique("e") + "@example.com")
                                    .add("password", "Passw0rd-long")
                                    .build()));
        }
    }

    @Test
    void invalidEmailIs400NamingTheField() {
        assertInvalidField(
                "email",
                admin.postJson(
                        "/api/v4/users",
                        Json.createObjectBuilder()
                                .add("username", unique("u"))
                                .add("email", "nope")
                                .add("password", "Passw0rd-long")
                                .build()));
    }

    @Test
    void passwordShorterThanEightIs400NamingTheField() {
        String username = unique("u");
        assertInvalidField(
                "password",
                admin.postJson(
                        "/api/v4/users",
                        Json.createObjectBuilder()
                                .add("username", username)
                                .add("email", username + "@example.com")
                                .add("password", "Short1!")
                                .build()));
    }

    @Test
    void duplicateUsernameAndEmailAreRefusedWithMattermostIds() {
        TestUser existing = newUser(admin, "u");
        String other = unique("u");

        assertError(
                400,
                "app.user.save.username_exists.app_error",
                admin.postJson(
                        "/api/v4/users",
                        Json.createObjectBuilder()
                                .add("username", existing.username())
                                .add("email", other + "@example.com")
                                .add("password", "Passw0rd-long")
                                .build()));
        assertError(
                400,
                "app.user.save.email_exists.app_error",
                admin.postJson(
                        "/api/v4/users",
                        Json.createObjectBuilder()
                                .add("username", other)
                                .add("email", existing.email())
                                .add("password", "Passw0rd-long")
                                .build()));
    }

    // --- reading users -----------------------------------------------------------------------------------

    @Test
    void anySignedInUserReadsAUserByIdAndByUsername() {
        TestUser target = newUser(admin, "u");
        TestUser reader = newUser(admin, "u");

        HttpResponse<String> byId = reader.client().get("/api/v4/users/" + target.id());
        assertEquals(200, byId.statusCode(), byId.body());
        assertEquals(target.username(), HooklineClient.json(byId).getString("username"));
        assertFalse(HooklineClient.json(byId).containsKey("password"), byId.body());

        HttpResponse<String> byName = reader.client().get("/api/v4/users/username/" + target.username());
        assertEquals(200, byName.statusCode(), byName.body());
        assertEquals(target.id(), HooklineClient.json(byName).getString("id"));
    }

    @Test
    void unknownUsersAre404() {
        assertError(404, admin.get("/api/v4/users/" + ApiFixtures.unknownId()));
        assertError(404, admin.get("/api/v4/users/username/" + unique("nobody")));
    }

    @Test
    void readingUsersNeedsAToken() {
        TestUser target = newUser(admin, "u");
        assertError(401, ApiFixtures.anonymous().get("/api/v4/users/" + target.id()));
        assertError(401, ApiFixtures.anonymous().get("/api/v4/users/username/" + target.username()));
        assertError(401, new HooklineClient().withToken(ApiFixtures.unknownId()).get("/api/v4/users/me"));
    }

    // --- logout and deactivation -------------------------------------------------------------------------

    @Test
    void logoutEndsTheSession() {
        TestUser user = newUser(admin, "u");
        assertEquals(200, user.client().get("/api/v4/users/me").statusCode());
        assertStatusOk(user.client().post("/api/v4/users/logout"));
        assertError(401, user.client().get("/api/v4/users/me"));
    }

    @Test
    void aUserDeactivatesThemself() {
        TestUser user = newUser(admin, "u");
        assertStatusOk(user.client().delete("/api/v4/users/" + user.id()));
        assertDeactivated(user);
    }

    @Test
    void theAdminDeactivatesAUser() {
        TestUser user = newUser(admin, "u");
        assertStatusOk(admin.delete("/api/v4/users/" + user.id()));
        assertDeactivated(user);
    }

    @Test
    void anotherUserCannotDeactivateSomeone() {
        TestUser victim = newUser(admin, "u");
        TestUser other = newUser(admin, "u");
        assertError(403, other.client().delete("/api/v4/users/" + victim.id()));
        assertEquals(200, victim.client().get("/api/v4/users/me").statusCode(), "still active");
        assertEquals(
                0,
                HooklineClient.json(admin.get("/api/v4/users/" + victim.id()))
                        .getJsonNumber("delete_at")
                        .longValue());
    }

    private void assertDeactivated(TestUser user) {
        assertError(401, user.client().get("/api/v4/users/me"));
        assertError(401, new HooklineClient().login(user.username(), user.password()));
        HttpResponse<String> read = admin.get("/api/v4/users/" + user.id());
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(HooklineClient.json(read).getJsonNumber("delete_at").longValue() > 0, read.body());
    }

    // --- personal access tokens --------------------------------------------------------------------------

    @Test
    void theAdminCreatesATokenThatSignsInAsTheUser() {
        TestUser user = newUser(admin, "u");
        JsonObject token = createToken(user.id(), "ci bot");
        assertId(token.getString("id"));
        assertEquals(user.id(), token.getString("user_id"));
        assertEquals("ci bot", token.getString("description"));
        assertTrue(token.getBoolean("is_active"), token.toString());
        assertFalse(token.getString("token").isBlank(), token.toString());

        HooklineClient bot = new HooklineClient().withToken(token.getString("token"));
        HttpResponse<String> me = bot.get("/api/v4/users/me");
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(user.id(), HooklineClient.json(me).getString("id"));
    }

    @Test
    void aUserCannotCreateTokensEvenForThemself() {
        TestUser user = newUser(admin, "u");
        TestUser other = newUser(admin, "u");
        assertError(
                403,
                user.client()
                        .postJson(
                                "/api/v4/users/" + user.id() + "/tokens",
                                Json.createObjectBuilder()
                                        .add("description", "mine")
                                        .build()));
        assertError(
                403,
                user.client()
                        .postJson(
                                "/api/v4/users/" + other.id() + "/tokens",
                                Json.createObjectBuilder()
                                        .add("description", "theirs")
                                        .build()));
    }

    @Test
    void aTokenNeedsADescription() {
        TestUser user = newUser(admin, "u");
        assertError(400, admin.postJson("/api/v4/users/" + user.id() + "/tokens", JsonValue.EMPTY_JSON_OBJECT));
    }

    @Test
    void listingTokensNeverShowsTheSecretAndIsForSelfOrAdmin() {
        TestUser user = newUser(admin, "u");
        TestUser other = newUser(admin, "u");
        JsonObject token = createToken(user.id(), "listed");

        for (HooklineClient reader : new HooklineClient[] {admin, user.client()}) {
            HttpResponse<String> response = reader.get("/api/v4/users/" + user.id() + "/tokens");
            assertEquals(200, response.statusCode(), response.body());
            JsonArray tokens = HooklineClient.jsonArray(response);
            assertTrue(ids(tokens).contains(token.getString("id")), response.body());
            for (JsonValue value : tokens) {
                JsonObject listed = value.asJsonObject();
                assertFalse(listed.containsKey("token"), listed.toString());
                assertEquals(user.id(), listed.getString("user_id"));
                assertTrue(listed.containsKey("description") && listed.containsKey("is_active"), listed.toString());
            }
            assertFalse(response.body().contains(token.getString("token")), "the secret must not be listed");
        }
        assertError(403, other.client().get("/api/v4/users/" + user.id() + "/tokens"));
    }

    @Test
    void aRevokedTokenIs401() {
        TestUser user = newUser(admin, "u");
        JsonObject token = createToken(user.id(), "revoked");
        HooklineClient bot = new HooklineClient().withToken(token.getString("token"));
        assertEquals(200, bot.get("/api/v4/users/me").statusCode());

        assertStatusOk(admin.postJson(
                "/api/v4/users/tokens/revoke",
                Json.createObjectBuilder()
                        .add("token_id", token.getString("id"))
                        .build()));
        assertError(401, bot.get("/api/v4/users/me"));
    }

    private JsonObject createToken(String userId, String description) {
        HttpResponse<String> response = admin.postJson(
                "/api/v4/users/" + userId + "/tokens",
                Json.createObjectBuilder().add("description", description).build());
        assertEquals(200, response.statusCode(), response.body());
        return HooklineClient.json(response);
    }
}
