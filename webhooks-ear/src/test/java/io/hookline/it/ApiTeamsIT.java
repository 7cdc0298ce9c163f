package io.hookline.it;

import static io.hookline.it.ApiFixtures.addTeamMember;
import static io.hookline.it.ApiFixtures.addTeamMemberResponse;
import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertId;
import static io.hookline.it.ApiFixtures.assertInvalidField;
import static io.hookline.it.ApiFixtures.assertStatusOk;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.ids;
import static io.hookline.it.ApiFixtures.listContains;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.teamBody;
import static io.hookline.it.ApiFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/v4/teams}: creation, listing, reading by id and name, membership. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiTeamsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;

    @BeforeEach
    void signIn() {
        admin = ApiFixtures.admin();
    }

    @Test
    void anyUserCreatesATeamAndBecomesItsMember() {
        TestUser user = newUser(admin, "u");
        String name = unique("t");
        HttpResponse<String> response = user.client().postJson("/api/v4/teams", teamBody(name, "O"));
        assertEquals(201, response.statusCode(), response.body());
        JsonObject team = HooklineClient.json(response);
        assertId(team.getString("id"));
        assertEquals(name, team.getString("name"));
        assertEquals("Team " + name, team.getString("display_name"));
        assertEquals("O", team.getString("type"));
        assertTrue(team.getJsonNumber("create_at").longValue() > 0, team.toString());

        HttpResponse<String> byId = user.client().get("/api/v4/teams/" + team.getString("id"));
        assertEquals(200, byId.statusCode(), byId.body());
        assertEquals(name, HooklineClient.json(byId).getString("name"));
        HttpResponse<String> byName = user.client().get("/api/v4/teams/name/" + name);
        assertEquals(200, byName.statusCode(), byName.body());
        assertEquals(team.getString("id"), HooklineClient.json(byName).getString("id"));
    }

    @Test
    void inviteOnlyTeamsKeepTheirType() {
        TestUser user = newUser(admin, "u");
        assertEquals("I", createTeam(user.client(), "I").getString("type"));
    }

    @Test
    void creatingATeamNeedsAToken() {
        assertError(401, ApiFixtures.anonymous().postJson("/api/v4/teams", teamBody(unique("t"), "O")));
    }

    @Test
    void invalidTeamNamesAre400NamingTheField() {
        String suffix = ApiFixtures.suffix();
        for (String name : new String[] {"Up" + suffix, "a " + suffix, "a"}) {
            assertInvalidField("name", admin.postJson("/api/v4/teams", teamBody(name, "O")));
        }
    }

    @Test
    void duplicateTeamNameIs400() {
        JsonObject team = createTeam(admin);
        assertError(
                400,
                "app.team.save.existing.app_error",
                admin.postJson("/api/v4/teams", teamBody(team.getString("name"), "O")));
    }

    @Test
    void aUserListsOnlyTheirTeamsAndTheAdminListsAll() {
        TestUser user = newUser(admin, "u");
        String usersTeam = createTeam(user.client()).getString("id");
        String othersTeam = createTeam(admin).getString("id");

        HttpResponse<String> response = user.client().get("/api/v4/teams?per_page=200");
        assertEquals(200, response.statusCode(), response.body());
        List<String> listed = ids(HooklineClient.jsonArray(response));
        assertTrue(listed.contains(usersTeam), response.body());
        assertFalse(listed.contains(othersTeam), "a team the user is not in: " + response.body());

        assertTrue(listContains(admin, "/api/v4/teams", usersTeam), "the admin sees a team they are not in");
        assertTrue(listContains(admin, "/api/v4/teams", othersTeam));
    }

    @Test
    void teamListPages() {
        TestUser user = newUser(admin, "u");
        String first = createTeam(user.client()).getString("id");
        String second = createTeam(user.client()).getString("id");

        JsonArray page0 = page(user.client(), 0);
        JsonArray page1 = page(user.client(), 1);
        assertEquals(1, page0.size(), page0.toString());
        assertEquals(1, page1.size(), page1.toString());
        assertNotEquals(ids(page0).get(0), ids(page1).get(0));
        assertEquals(Set.of(first, second), Set.of(ids(page0).get(0), ids(page1).get(0)));
        assertEquals(0, page(user.client(), 2).size());
    }

    private static JsonArray page(HooklineClient client, int page) {
        HttpResponse<String> response = client.get("/api/v4/teams?page=" + page + "&per_page=1");
        assertEquals(200, response.statusCode(), response.body());
        return HooklineClient.jsonArray(response);
    }

    @Test
    void nonMembersCannotReadATeamButTheAdminCan() {
        TestUser owner = newUser(admin, "u");
        TestUser stranger = newUser(admin, "u");
        JsonObject team = createTeam(owner.client());

        assertError(403, stranger.client().get("/api/v4/teams/" + team.getString("id")));
        assertError(403, stranger.client().get("/api/v4/teams/name/" + team.getString("name")));
        assertEquals(200, admin.get("/api/v4/teams/" + team.getString("id")).statusCode());
        assertEquals(
                200, admin.get("/api/v4/teams/name/" + team.getString("name")).statusCode());
    }

    @Test
    void unknownTeamsAre404() {
        assertError(404, admin.get("/api/v4/teams/" + ApiFixtures.unknownId()));
        assertError(404, admin.get("/api/v4/teams/name/" + unique("none")));
    }

    @Test
    void aMemberAddsAUserWhoCanThenReadTheTeam() {
        TestUser owner = newUser(admin, "u");
        TestUser joiner = newUser(admin, "u");
        String teamId = createTeam(owner.client()).getString("id");
        assertError(403, joiner.client().get("/api/v4/teams/" + teamId));

        HttpResponse<String> response = addTeamMemberResponse(owner.client(), teamId, joiner.id());
        assertEquals(201, response.statusCode(), response.body());
        JsonObject member = HooklineClient.json(response);
        assertEquals(teamId, member.getString("team_id"));
        assertEquals(joiner.id(), member.getString("user_id"));
        assertTrue(member.containsKey("roles"), member.toString());

        assertEquals(200, joiner.client().get("/api/v4/teams/" + teamId).statusCode());
        assertTrue(ids(HooklineClient.jsonArray(joiner.client().get("/api/v4/teams?per_page=200")))
                .contains(teamId));
    }

    @Test
    void aNonMemberCannotAddMembers() {
        TestUser owner = newUser(admin, "u");
        TestUser outsider = newUser(admin, "u");
        TestUser target = newUser(admin, "u");
        String teamId = createTeam(owner.client()).getString("id");

        assertError(403, addTeamMemberResponse(outsider.client(), teamId, target.id()));
        assertError(403, addTeamMemberResponse(outsider.client(), teamId, outsider.id()));
        assertError(403, target.client().get("/api/v4/teams/" + teamId)); // nobody was added
    }

    @Test
    void theAdminAddsMembersToAnyTeam() {
        TestUser owner = newUser(admin, "u");
        TestUser joiner = newUser(admin, "u");
        String teamId = createTeam(owner.client()).getString("id");
        assertEquals(201, addTeamMemberResponse(admin, teamId, joiner.id()).statusCode());
        assertEquals(200, joiner.client().get("/api/v4/teams/" + teamId).statusCode());
    }

    @Test
    void addingAnUnknownUserIs404() {
        String teamId = createTeam(admin).getString("id");
        assertError(404, addTeamMemberResponse(admin, teamId, ApiFixtures.unknownId()));
    }

    @Test
    void aMemberLeavesATeamAndCanNoLongerReadIt() {
        TestUser owner = newUser(admin, "u");
        TestUser member = newUser(admin, "u");
        String teamId = createTeam(owner.client()).getString("id");
        addTeamMember(owner.client(), teamId, member.id());

        assertStatusOk(member.client().delete("/api/v4/teams/" + teamId + "/members/" + member.id()));
        assertError(403, member.client().get("/api/v4/teams/" + teamId));
    }

    @Test
    void theAdminRemovesAMember() {
        TestUser owner = newUser(admin, "u");
        TestUser member = newUser(admin, "u");
        String teamId = createTeam(owner.client()).getString("id");
        addTeamMember(owner.client(), teamId, member.id());

        assertStatusOk(admin.delete("/api/v4/teams/" + teamId + "/members/" + member.id()));
        assertError(403, member.client().get("/api/v4/teams/" + teamId));
    }

    @Test
    void aMemberCannotRemoveAnotherMember() {
        TestUser owner = newUser(admin, "u");
        TestUser first = newUser(admin, "u");
        TestUser second = newUser(admin, "u");
        String teamId = createTeam(owner.client()).getString("id");
        addTeamMember(owner.client(), teamId, first.id());
        addTeamMember(owner.client(), teamId, second.id());

        assertError(403, first.client().delete("/api/v4/teams/" + teamId + "/members/" + second.id()));
        assertEquals(200, second.client().get("/api/v4/teams/" + teamId).statusCode(), "still a member");
    }
}
