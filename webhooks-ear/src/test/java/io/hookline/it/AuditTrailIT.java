package io.hookline.it;

import static io.hookline.it.ApiFixtures.addChannelMember;
import static io.hookline.it.ApiFixtures.addTeamMember;
import static io.hookline.it.ApiFixtures.assertStatusOk;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15: {@code GET /api/v4/audits} tells who created and revoked access tokens, set a password,
 * (de)activated an account, added or removed team and channel members and archived a channel, through the API
 * and through the console alike, with the actor's address, and never a token secret or a password.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditTrailIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    private String adminId;

    @BeforeEach
    void setUp() {
        admin = ApiFixtures.admin();
        adminId = userId(admin);
    }

    @Test
    void tokensAreAuditedWithoutTheirSecret() {
        TestUser user = newUser(admin, "aud");
        HttpResponse<String> created = admin.postJson(
                "/api/v4/users/" + user.id() + "/tokens",
                Json.createObjectBuilder().add("description", "ci token").build());
        assertEquals(200, created.statusCode(), created.body());
        JsonObject token = HooklineClient.json(created);
        assertStatusOk(user.client()
                .postJson(
                        "/api/v4/users/tokens/revoke",
                        Json.createObjectBuilder()
                                .add("token_id", token.getString("id"))
                                .build()));

        JsonArray audits = audits();
        assertFalse(audits.toString().contains(token.getString("token")), "the token's secret is never audited");
        JsonObject create = entry(audits, adminId, "createUserAccessToken", "user " + user.id());
        assertTrue(
                create.getString("extra_info").contains("token_id \"" + token.getString("id") + "\""),
                create.toString());
        assertTrue(create.getString("extra_info").contains("description \"ci token\""), create.toString());
        assertFalse(create.getString("ip_address").isEmpty(), create.toString());
        JsonObject revoke = entry(audits, user.id(), "revokeUserAccessToken", "user " + user.id());
        assertTrue(revoke.getString("extra_info").contains(token.getString("id")), revoke.toString());
    }

    @Test
    void deactivationThroughTheApiAndReactivationAndPasswordResetThroughTheConsoleAreAudited() {
        // "a0" sorts the account onto the console's first page of users (by username).
        TestUser user = newUser(admin, "a0au");
        assertStatusOk(admin.delete("/api/v4/users/" + user.id()));

        ConsoleSession console = ConsoleSession.signIn(HooklineClient.adminUsername(), HooklineClient.adminPassword());
        HttpResponse<String> list = console.get("/console/system/users.xhtml");
        assertEquals(200, list.statusCode(), list.body());
        String row = Stream.of(list.body().split("<tr"))
                .filter(r -> r.contains("@" + user.username() + "<"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for @" + user.username()));
        Matcher button = Pattern.compile("id=\"([^\"]+:reactivate)\"").matcher(row);
        assertTrue(button.find(), "no reactivate button in " + row);
        HttpResponse<String> reactivated =
                console.press("/console/system/users.xhtml", list.body(), "users", button.group(1));
        assertEquals(200, reactivated.statusCode(), reactivated.body());
        assertTrue(reactivated.body().contains("@" + user.username() + " reactivated."), reactivated.body());

        String newPassword = "N3w-" + ApiFixtures.suffix();
        String resetPath = "/console/system/users.xhtml?user=" + user.username();
        HttpResponse<String> resetPage = console.get(resetPath);
        HttpResponse<String> reset = console.submit(
                resetPath,
                resetPage.body(),
                "reset",
                "reset:save",
                Map.of("reset:newPassword", newPassword, "reset:repeatPassword", newPassword));
        assertEquals(200, reset.statusCode(), reset.body());
        assertTrue(reset.body().contains("New password set for @" + user.username()), reset.body());

        JsonArray audits = audits();
        assertFalse(audits.toString().contains(newPassword), "a password is never audited");
        entry(
                audits,
                adminId,
                "updateUserActive",
                "user " + user.id() + ": username \"" + user.username() + "\", active true → false");
        entry(
                audits,
                adminId,
                "updateUserActive",
                "user " + user.id() + ": username \"" + user.username() + "\", active false → true");
        entry(audits, adminId, "updatePassword", "user " + user.id() + ": ");
    }

    @Test
    void teamAndChannelMembershipAndArchivingAreAudited() {
        TestUser owner = newUser(admin, "auo");
        TestUser mate = newUser(admin, "aum");
        JsonObject team = createTeam(owner.client());
        String teamId = team.getString("id");
        addTeamMember(owner.client(), teamId, mate.id());
        JsonObject channel = createChannel(owner.client(), teamId, "P");
        String channelId = channel.getString("id");
        addChannelMember(owner.client(), channelId, mate.id());
        assertStatusOk(owner.client().delete("/api/v4/channels/" + channelId + "/members/" + mate.id()));
        assertStatusOk(owner.client().delete("/api/v4/channels/" + channelId));
        assertStatusOk(admin.delete("/api/v4/teams/" + teamId + "/members/" + mate.id()));

        JsonArray audits = audits();
        String teamDetails =
                "team " + teamId + ": team \"" + team.getString("name") + "\", user_id \"" + mate.id() + "\"";
        String channelDetails = "channel " + channelId + ": channel \"" + channel.getString("name") + "\", user_id \""
                + mate.id() + "\"";
        entry(audits, owner.id(), "addTeamMember", teamDetails);
        entry(audits, adminId, "removeTeamMember", teamDetails);
        entry(audits, owner.id(), "addChannelMember", channelDetails);
        entry(audits, owner.id(), "removeChannelMember", channelDetails);
        entry(
                audits,
                owner.id(),
                "deleteChannel",
                "channel " + channelId + ": channel \"" + channel.getString("name") + "\"");
    }

    @Test
    void roleChangesAreAuditedOnlyWhenTheyChangeSomething() {
        TestUser user = newUser(admin, "aurole");
        String roles = "/api/v4/users/" + user.id() + "/roles";
        assertStatusOk(admin.put(
                roles,
                Json.createObjectBuilder()
                        .add("roles", "system_admin system_user")
                        .build()));
        assertStatusOk(admin.put(
                roles,
                Json.createObjectBuilder()
                        .add("roles", "system_admin system_user")
                        .build()));
        assertStatusOk(admin.put(
                roles, Json.createObjectBuilder().add("roles", "system_user").build()));

        JsonArray audits = audits();
        String target = "user " + user.id() + ": username \"" + user.username() + "\"";
        JsonObject promoted = entry(
                audits, adminId, "updateUserRoles", target + ", roles \"system_user\" → \"system_admin system_user\"");
        assertFalse(promoted.getString("ip_address").isEmpty(), promoted.toString());
        entry(audits, adminId, "updateUserRoles", target + ", roles \"system_admin system_user\" → \"system_user\"");
        long all = audits.stream()
                .map(JsonValue::asJsonObject)
                .filter(a -> a.getString("action").equals("updateUserRoles")
                        && a.getString("extra_info").startsWith("user " + user.id()))
                .count();
        assertEquals(2, all, "setting the roles a user already has changes nothing and is not audited");
    }

    private JsonArray audits() {
        HttpResponse<String> page = admin.get("/api/v4/audits?page=0&per_page=200");
        assertEquals(200, page.statusCode(), page.body());
        return HooklineClient.jsonArray(page);
    }

    /** The one entry by {@code userId} with {@code action} whose extra_info starts with {@code infoPrefix}. */
    private static JsonObject entry(JsonArray audits, String userId, String action, String infoPrefix) {
        List<JsonObject> found = audits.stream()
                .map(JsonValue::asJsonObject)
                .filter(a -> a.getString("user_id").equals(userId)
                        && a.getString("action").equals(action)
                        && a.getString("extra_info").startsWith(infoPrefix))
                .toList();
        assertEquals(1, found.size(), action + " by " + userId + " on " + infoPrefix + " in " + audits);
        return found.get(0);
    }
}
