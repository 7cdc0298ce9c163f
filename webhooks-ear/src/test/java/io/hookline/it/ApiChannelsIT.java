package io.hookline.it;

import static io.hookline.it.ApiFixtures.addChannelMember;
import static io.hookline.it.ApiFixtures.addChannelMemberResponse;
import static io.hookline.it.ApiFixtures.addTeamMember;
import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertId;
import static io.hookline.it.ApiFixtures.assertInvalidField;
import static io.hookline.it.ApiFixtures.assertStatusOk;
import static io.hookline.it.ApiFixtures.channelBody;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
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
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/v4/channels}: creation, direct channels, reading, archiving, restoring, membership. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiChannelsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    /** Created the team, so a member of it. */
    private TestUser owner;
    /** Added to the team by the owner; in no channel unless a test adds them. */
    private TestUser teammate;
    /** In no team at all. */
    private TestUser outsider;

    private JsonObject team;
    private String teamId;

    @BeforeEach
    void setUp() {
        admin = ApiFixtures.admin();
        owner = newUser(admin, "own");
        teammate = newUser(admin, "mate");
        outsider = newUser(admin, "out");
        team = createTeam(owner.client());
        teamId = team.getString("id");
        addTeamMember(owner.client(), teamId, teammate.id());
    }

    // --- creating ----------------------------------------------------------------------------------------

    @Test
    void aTeamMemberCreatesAPublicChannel() {
        String name = unique("c");
        JsonObject body = Json.createObjectBuilder(channelBody(teamId, name, "O"))
                .add("purpose", "builds")
                .add("header", "CI results")
                .build();
        HttpResponse<String> response = owner.client().postJson("/api/v4/channels", body);
        assertEquals(201, response.statusCode(), response.body());
        JsonObject channel = HooklineClient.json(response);
        assertId(channel.getString("id"));
        assertEquals(teamId, channel.getString("team_id"));
        assertEquals(name, channel.getString("name"));
        assertEquals("Channel " + name, channel.getString("display_name"));
        assertEquals("O", channel.getString("type"));
        assertTrue(channel.getJsonNumber("create_at").longValue() > 0, channel.toString());
        assertEquals(0, channel.getJsonNumber("delete_at").longValue());
        assertEquals(owner.id(), channel.getString("creator_id"));
    }

    @Test
    void aTeamMemberCreatesAPrivateChannel() {
        JsonObject channel = createChannel(teammate.client(), teamId, "P");
        assertEquals("P", channel.getString("type"));
        assertEquals(teammate.id(), channel.getString("creator_id"));
    }

    @Test
    void aNonMemberOfTheTeamCannotCreateChannels() {
        assertError(403, outsider.client().postJson("/api/v4/channels", channelBody(teamId, unique("c"), "O")));
    }

    @Test
    void directAndGroupTypesCannotBeCreatedHere() {
        assertError(400, owner.client().postJson("/api/v4/channels", channelBody(teamId, unique("c"), "D")));
        assertError(400, owner.client().postJson("/api/v4/channels", channelBody(teamId, unique("c"), "X")));
    }

    @Test
    void invalidChannelNamesAre400NamingTheField() {
        String suffix = ApiFixtures.suffix();
        for (String name : new String[] {"Upper" + suffix, "has space" + suffix}) {
            assertInvalidField("name", owner.client().postJson("/api/v4/channels", channelBody(teamId, name, "O")));
        }
    }

    @Test
    void duplicateNameInTheTeamIs400ButAnotherTeamMayReuseIt() {
        String name = createChannel(owner.client(), teamId, "O").getString("name");
        assertError(
                400,
                "store.sql_channel.save_channel.exists.app_error",
                owner.client().postJson("/api/v4/channels", channelBody(teamId, name, "P")));

        String otherTeam = createTeam(owner.client()).getString("id");
        HttpResponse<String> elsewhere = owner.client().postJson("/api/v4/channels", channelBody(otherTeam, name, "O"));
        assertEquals(201, elsewhere.statusCode(), elsewhere.body());
    }

    // --- direct channels ---------------------------------------------------------------------------------

    @Test
    void aDirectChannelIsOnePerPairInEitherOrder() {
        HttpResponse<String> first = owner.client().postJson("/api/v4/channels/direct", pair(owner, teammate));
        assertEquals(201, first.statusCode(), first.body());
        JsonObject channel = HooklineClient.json(first);
        assertId(channel.getString("id"));
        assertEquals("D", channel.getString("type"));

        HttpResponse<String> again = teammate.client().postJson("/api/v4/channels/direct", pair(teammate, owner));
        assertTrue(again.statusCode() == 200 || again.statusCode() == 201, again.statusCode() + " " + again.body());
        assertEquals(channel.getString("id"), HooklineClient.json(again).getString("id"));

        HttpResponse<String> byAdmin = admin.postJson("/api/v4/channels/direct", pair(owner, teammate));
        assertTrue(byAdmin.statusCode() == 200 || byAdmin.statusCode() == 201, byAdmin.body());
        assertEquals(channel.getString("id"), HooklineClient.json(byAdmin).getString("id"));
    }

    @Test
    void onlyTheTwoOrAnAdminOpenADirectChannel() {
        assertError(403, outsider.client().postJson("/api/v4/channels/direct", pair(owner, teammate)));
    }

    private static JsonArray pair(TestUser a, TestUser b) {
        return Json.createArrayBuilder().add(a.id()).add(b.id()).build();
    }

    // --- reading -----------------------------------------------------------------------------------------

    @Test
    void aPublicChannelIsReadableByTeamMembersAndTheAdminOnly() {
        String channelId = createChannel(owner.client(), teamId, "O").getString("id");
        assertEquals(200, teammate.client().get("/api/v4/channels/" + channelId).statusCode());
        assertEquals(200, admin.get("/api/v4/channels/" + channelId).statusCode());
        assertError(403, outsider.client().get("/api/v4/channels/" + channelId));
    }

    @Test
    void aPrivateChannelIsReadableByItsMembersAndTheAdminOnly() {
        String channelId = createChannel(owner.client(), teamId, "P").getString("id");
        HttpResponse<String> byOwner = owner.client().get("/api/v4/channels/" + channelId);
        assertEquals(200, byOwner.statusCode(), byOwner.body());
        assertEquals("P", HooklineClient.json(byOwner).getString("type"));
        assertEquals(200, admin.get("/api/v4/channels/" + channelId).statusCode());
        assertError(403, teammate.client().get("/api/v4/channels/" + channelId));
        assertError(403, outsider.client().get("/api/v4/channels/" + channelId));
    }

    @Test
    void unknownChannelIs404() {
        assertError(404, admin.get("/api/v4/channels/" + ApiFixtures.unknownId()));
        assertError(404, owner.client().get("/api/v4/channels/" + ApiFixtures.unknownId()));
    }

    @Test
    void teamChannelsListsPublicLiveChannelsOnly() {
        String open = createChannel(owner.client(), teamId, "O").getString("id");
        String secret = createChannel(owner.client(), teamId, "P").getString("id");
        String archived = createChannel(owner.client(), teamId, "O").getString("id");
        assertStatusOk(owner.client().delete("/api/v4/channels/" + archived));

        for (HooklineClient reader : new HooklineClient[] {teammate.client(), owner.client()}) {
            HttpResponse<String> response = reader.get("/api/v4/teams/" + teamId + "/channels");
            assertEquals(200, response.statusCode(), response.body());
            JsonArray channels = HooklineClient.jsonArray(response);
            List<String> ids = ApiFixtures.ids(channels);
            assertTrue(ids.contains(open), response.body());
            assertFalse(ids.contains(secret), "private channels are not listed: " + response.body());
            assertFalse(ids.contains(archived), "archived channels are not listed: " + response.body());
            for (JsonValue channel : channels) {
                assertEquals(teamId, channel.asJsonObject().getString("team_id"));
                assertEquals("O", channel.asJsonObject().getString("type"));
            }
        }
        assertError(403, outsider.client().get("/api/v4/teams/" + teamId + "/channels"));
    }

    @Test
    void channelsByNameFollowTheSameRules() {
        JsonObject open = createChannel(owner.client(), teamId, "O");
        JsonObject secret = createChannel(owner.client(), teamId, "P");
        String teamName = team.getString("name");
        String[] openPaths = {
            "/api/v4/teams/" + teamId + "/channels/name/" + open.getString("name"),
            "/api/v4/teams/name/" + teamName + "/channels/name/" + open.getString("name"),
        };
        for (String path : openPaths) {
            HttpResponse<String> response = teammate.client().get(path);
            assertEquals(200, response.statusCode(), path + " " + response.body());
            assertEquals(open.getString("id"), HooklineClient.json(response).getString("id"));
            assertError(403, outsider.client().get(path));
        }
        String[] secretPaths = {
            "/api/v4/teams/" + teamId + "/channels/name/" + secret.getString("name"),
            "/api/v4/teams/name/" + teamName + "/channels/name/" + secret.getString("name"),
        };
        for (String path : secretPaths) {
            assertEquals(200, owner.client().get(path).statusCode(), path);
            // A private channel the caller is not in answers as a missing one (issue 15): names cannot be probed.
            assertError(
                    404, "app.channel.get.existing.app_error", teammate.client().get(path));
        }
        assertError(404, owner.client().get("/api/v4/teams/" + teamId + "/channels/name/" + unique("none")));
        assertError(404, owner.client().get("/api/v4/teams/name/" + teamName + "/channels/name/" + unique("none")));
        assertError(404, admin.get("/api/v4/teams/" + ApiFixtures.unknownId() + "/channels/name/town-square"));
    }

    /**
     * Issue 15: by team and channel name, a private channel the caller may not see and a channel that does not
     * exist get the same answer (status, error id and message), for a team member and for someone in no team;
     * only the request id differs.
     */
    @Test
    void aPrivateChannelTheCallerIsNotInAnswersExactlyAsAMissingOne() {
        JsonObject secret = createChannel(owner.client(), teamId, "P");
        String teamName = team.getString("name");
        String byNames = "/api/v4/teams/name/" + teamName + "/channels/name/";
        for (TestUser prober : List.of(teammate, outsider)) {
            JsonObject hidden = assertError(404, prober.client().get(byNames + secret.getString("name")));
            JsonObject missing = assertError(404, prober.client().get(byNames + unique("none")));
            assertEquals(missing.getString("id"), hidden.getString("id"), hidden.toString());
            assertEquals(missing.getString("message"), hidden.getString("message"), hidden.toString());
            assertEquals(missing.getString("detailed_error"), hidden.getString("detailed_error"), hidden.toString());
            assertFalse(hidden.toString().contains(secret.getString("id")), hidden.toString());
        }
        assertEquals(200, owner.client().get(byNames + secret.getString("name")).statusCode());
        assertEquals(200, admin.get(byNames + secret.getString("name")).statusCode(), "a system admin sees it");
    }

    // --- archiving and restoring -------------------------------------------------------------------------

    @Test
    void archivingAndRestoringAChannel() {
        String channelId = createChannel(owner.client(), teamId, "O").getString("id");
        assertStatusOk(owner.client().delete("/api/v4/channels/" + channelId));
        HttpResponse<String> archived = admin.get("/api/v4/channels/" + channelId);
        assertEquals(200, archived.statusCode(), archived.body());
        assertTrue(HooklineClient.json(archived).getJsonNumber("delete_at").longValue() > 0, archived.body());

        assertError(403, owner.client().post("/api/v4/channels/" + channelId + "/restore"));

        HttpResponse<String> restored = admin.post("/api/v4/channels/" + channelId + "/restore");
        assertEquals(200, restored.statusCode(), restored.body());
        assertEquals(channelId, HooklineClient.json(restored).getString("id"));
        assertEquals(0, HooklineClient.json(restored).getJsonNumber("delete_at").longValue());
        assertEquals(
                0,
                HooklineClient.json(admin.get("/api/v4/channels/" + channelId))
                        .getJsonNumber("delete_at")
                        .longValue());
    }

    @Test
    void townSquareCannotBeArchived() {
        String townSquare = ApiFixtures.mainChannelId(admin, "town-square");
        HttpResponse<String> response = admin.delete("/api/v4/channels/" + townSquare);
        try {
            assertError(400, response);
        } finally {
            if (response.statusCode() == 200) {
                // Never leave the shared server without its town-square.
                admin.post("/api/v4/channels/" + townSquare + "/restore");
            }
        }
    }

    @Test
    void whoCannotReadAChannelCannotArchiveIt() {
        String secret = createChannel(owner.client(), teamId, "P").getString("id");
        String open = createChannel(owner.client(), teamId, "O").getString("id");
        assertError(403, teammate.client().delete("/api/v4/channels/" + secret));
        assertError(403, outsider.client().delete("/api/v4/channels/" + open));
        assertEquals(
                0,
                HooklineClient.json(admin.get("/api/v4/channels/" + secret))
                        .getJsonNumber("delete_at")
                        .longValue());
        assertEquals(
                0,
                HooklineClient.json(admin.get("/api/v4/channels/" + open))
                        .getJsonNumber("delete_at")
                        .longValue());
    }

    /** Issue 15, Mattermost's channel_user permissions: a team member outside a public channel may not archive it. */
    @Test
    void onlyTheChannelsMembersAndSystemAdminsArchiveIt() {
        String open = createChannel(owner.client(), teamId, "O").getString("id");
        assertError(403, "api.context.permissions.app_error", teammate.client().delete("/api/v4/channels/" + open));
        assertEquals(0, deleteAt(open), "a refused archive changes nothing");

        addChannelMember(owner.client(), open, teammate.id());
        assertStatusOk(teammate.client().delete("/api/v4/channels/" + open));
        assertTrue(deleteAt(open) > 0, "a member archives it");

        String another = createChannel(owner.client(), teamId, "O").getString("id");
        assertStatusOk(admin.delete("/api/v4/channels/" + another));
        assertTrue(deleteAt(another) > 0, "a system admin archives any channel");
    }

    /** Issue 15: removing someone else needs membership of the channel (or system admin); leaving needs nothing. */
    @Test
    void onlyTheChannelsMembersRemoveOthersFromIt() {
        TestUser third = newUser(admin, "u");
        addTeamMember(owner.client(), teamId, third.id());
        String open = createChannel(owner.client(), teamId, "O").getString("id");
        addChannelMember(owner.client(), open, third.id());

        assertError(
                403,
                "api.context.permissions.app_error",
                teammate.client().delete("/api/v4/channels/" + open + "/members/" + third.id()));
        assertError(
                403,
                "api.context.permissions.app_error",
                teammate.client().delete("/api/v4/channels/" + open + "/members/" + owner.id()));
        assertTrue(memberIds(open).contains(third.id()), "a refused removal changes nothing");

        addChannelMember(owner.client(), open, teammate.id());
        assertStatusOk(teammate.client().delete("/api/v4/channels/" + open + "/members/" + third.id()));
        assertFalse(memberIds(open).contains(third.id()), "a member removes others");
        assertStatusOk(teammate.client().delete("/api/v4/channels/" + open + "/members/" + teammate.id()));
        assertFalse(memberIds(open).contains(teammate.id()), "anyone leaves");
        assertStatusOk(admin.delete("/api/v4/channels/" + open + "/members/" + owner.id()));
        assertFalse(memberIds(open).contains(owner.id()), "a system admin removes anyone");
    }

    private long deleteAt(String channelId) {
        return HooklineClient.json(admin.get("/api/v4/channels/" + channelId))
                .getJsonNumber("delete_at")
                .longValue();
    }

    // --- members -----------------------------------------------------------------------------------------

    @Test
    void readersListTheMembers() {
        String channelId = createChannel(owner.client(), teamId, "P").getString("id");
        HttpResponse<String> response = owner.client().get("/api/v4/channels/" + channelId + "/members");
        assertEquals(200, response.statusCode(), response.body());
        List<String> userIds = new ArrayList<>();
        for (JsonValue value : HooklineClient.jsonArray(response)) {
            JsonObject member = value.asJsonObject();
            assertEquals(channelId, member.getString("channel_id"));
            assertTrue(member.containsKey("roles"), member.toString());
            userIds.add(member.getString("user_id"));
        }
        assertTrue(userIds.contains(owner.id()), "the creator is a member: " + response.body());
        assertFalse(userIds.contains(teammate.id()), response.body());

        assertError(403, teammate.client().get("/api/v4/channels/" + channelId + "/members"));
    }

    @Test
    void anyTeamMemberAddsToAPublicChannel() {
        TestUser third = newUser(admin, "u");
        addTeamMember(owner.client(), teamId, third.id());
        String channelId = createChannel(owner.client(), teamId, "O").getString("id");

        HttpResponse<String> response = addChannelMemberResponse(teammate.client(), channelId, third.id());
        assertEquals(201, response.statusCode(), response.body());
        JsonObject member = HooklineClient.json(response);
        assertEquals(channelId, member.getString("channel_id"));
        assertEquals(third.id(), member.getString("user_id"));
        assertTrue(memberIds(channelId).contains(third.id()));
    }

    @Test
    void aChannelMemberAddsToAPrivateChannelWhichTheAddedUserCanThenRead() {
        String channelId = createChannel(owner.client(), teamId, "P").getString("id");
        assertError(403, teammate.client().get("/api/v4/channels/" + channelId));

        HttpResponse<String> response = addChannelMemberResponse(owner.client(), channelId, teammate.id());
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(teammate.id(), HooklineClient.json(response).getString("user_id"));
        assertEquals(200, teammate.client().get("/api/v4/channels/" + channelId).statusCode());
    }

    @Test
    void aTeamMemberOutsideAPrivateChannelCannotAddToIt() {
        TestUser third = newUser(admin, "u");
        addTeamMember(owner.client(), teamId, third.id());
        String channelId = createChannel(owner.client(), teamId, "P").getString("id");

        assertError(403, addChannelMemberResponse(teammate.client(), channelId, third.id()));
        assertError(403, addChannelMemberResponse(teammate.client(), channelId, teammate.id()));
        assertFalse(memberIds(channelId).contains(third.id()));
        assertFalse(memberIds(channelId).contains(teammate.id()));
    }

    @Test
    void aNonMemberOfTheTeamCannotAddToAPublicChannel() {
        String channelId = createChannel(owner.client(), teamId, "O").getString("id");
        assertError(403, addChannelMemberResponse(outsider.client(), channelId, teammate.id()));
    }

    @Test
    void theAdminAddsToAnyPrivateChannel() {
        String channelId = createChannel(owner.client(), teamId, "P").getString("id");
        assertEquals(
                201, addChannelMemberResponse(admin, channelId, teammate.id()).statusCode());
        assertEquals(200, teammate.client().get("/api/v4/channels/" + channelId).statusCode());
    }

    @Test
    void onlyMembersOfTheChannelsTeamCanBeAdded() {
        String open = createChannel(owner.client(), teamId, "O").getString("id");
        String secret = createChannel(owner.client(), teamId, "P").getString("id");
        assertError(400, addChannelMemberResponse(owner.client(), open, outsider.id()));
        assertError(400, addChannelMemberResponse(admin, secret, outsider.id()));
        assertError(403, outsider.client().get("/api/v4/channels/" + secret));
    }

    @Test
    void aRemovedMemberCanNoLongerReadThePrivateChannel() {
        String channelId = createChannel(owner.client(), teamId, "P").getString("id");
        addChannelMember(owner.client(), channelId, teammate.id());
        assertEquals(200, teammate.client().get("/api/v4/channels/" + channelId).statusCode());

        assertStatusOk(admin.delete("/api/v4/channels/" + channelId + "/members/" + teammate.id()));
        assertError(403, teammate.client().get("/api/v4/channels/" + channelId));
        assertFalse(memberIds(channelId).contains(teammate.id()));
    }

    private List<String> memberIds(String channelId) {
        HttpResponse<String> response = admin.get("/api/v4/channels/" + channelId + "/members");
        assertEquals(200, response.statusCode(), response.body());
        List<String> ids = new ArrayList<>();
        for (JsonValue value : HooklineClient.jsonArray(response)) {
            ids.add(value.asJsonObject().getString("user_id"));
        }
        return ids;
    }
}
