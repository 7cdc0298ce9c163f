package io.hookline.it;

import static io.hookline.it.ApiFixtures.addChannelMember;
import static io.hookline.it.ApiFixtures.addTeamMember;
import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertId;
import static io.hookline.it.ApiFixtures.assertStatusOk;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createHookResponse;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.ids;
import static io.hookline.it.ApiFixtures.listContains;
import static io.hookline.it.ApiFixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /api/v4/hooks/incoming}: create, list, read, update and delete incoming webhooks. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiHooksIT {

    private static final String HOOKS = "/api/v4/hooks/incoming";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    /** Owns the team and its public channel. */
    private TestUser alice;
    /** A member of the team, in none of its private channels. */
    private TestUser bob;

    private String teamId;
    private String channelId;

    @BeforeEach
    void setUp() {
        admin = ApiFixtures.admin();
        alice = newUser(admin, "alice");
        bob = newUser(admin, "bob");
        teamId = createTeam(alice.client()).getString("id");
        addTeamMember(alice.client(), teamId, bob.id());
        channelId = createChannel(alice.client(), teamId, "O").getString("id");
    }

    // --- create ------------------------------------------------------------------------------------------

    @Test
    void createdHookCarriesAllItsFields() {
        HttpResponse<String> response = alice.client()
                .postJson(
                        HOOKS,
                        Json.createObjectBuilder()
                                .add("channel_id", channelId)
                                .add("display_name", "Jenkins")
                                .add("description", "nightly builds")
                                .add("channel_locked", true)
                                .add("username", "jenkins")
                                .add("icon_url", "https://example.com/j.png")
                                .build());
        assertEquals(201, response.statusCode(), response.body());
        JsonObject hook = HooklineClient.json(response);
        assertId(hook.getString("id"));
        assertEquals(channelId, hook.getString("channel_id"));
        assertEquals(teamId, hook.getString("team_id"));
        assertEquals(alice.id(), hook.getString("user_id"));
        assertEquals("Jenkins", hook.getString("display_name"));
        assertEquals("nightly builds", hook.getString("description"));
        assertTrue(hook.getBoolean("channel_locked"), hook.toString());
        assertEquals("jenkins", hook.getString("username"));
        assertEquals("https://example.com/j.png", hook.getString("icon_url"));
        assertTrue(hook.getJsonNumber("create_at").longValue() > 0, hook.toString());
        assertTrue(hook.getJsonNumber("update_at").longValue() > 0, hook.toString());
        assertEquals(0, hook.getJsonNumber("delete_at").longValue());
    }

    @Test
    void hookForAnUnknownChannelIs404() {
        assertError(404, createHookResponse(alice.client(), ApiFixtures.unknownId(), "nowhere"));
    }

    @Test
    void hookForAPrivateChannelNeedsItsMembership() {
        String secret = createChannel(alice.client(), teamId, "P").getString("id");
        assertError(403, createHookResponse(bob.client(), secret, "sneaky"));

        addChannelMember(alice.client(), secret, bob.id());
        HttpResponse<String> response = createHookResponse(bob.client(), secret, "invited");
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(bob.id(), HooklineClient.json(response).getString("user_id"));
    }

    @Test
    void creatingHooksNeedsAToken() {
        assertError(401, createHookResponse(ApiFixtures.anonymous(), channelId, "anonymous"));
    }

    // --- list --------------------------------------------------------------------------------------------

    @Test
    void usersListTheirOwnHooksAndTheAdminListsAll() {
        String alicesHook = createHook(alice.client(), channelId).getString("id");
        String bobsHook = createHook(bob.client(), channelId).getString("id");

        List<String> alicesList = list(alice.client(), "?per_page=200");
        assertTrue(alicesList.contains(alicesHook), alicesList.toString());
        assertFalse(alicesList.contains(bobsHook), "another user's hook: " + alicesList);

        List<String> bobsList = list(bob.client(), "?per_page=200");
        assertTrue(bobsList.contains(bobsHook), bobsList.toString());
        assertFalse(bobsList.contains(alicesHook), "another user's hook: " + bobsList);

        List<String> channelList = list(admin, "?channel_id=" + channelId + "&per_page=200");
        assertTrue(channelList.containsAll(List.of(alicesHook, bobsHook)), channelList.toString());
        assertTrue(listContains(admin, HOOKS, alicesHook), "the admin's unfiltered list");
        assertTrue(listContains(admin, HOOKS, bobsHook), "the admin's unfiltered list");
    }

    @Test
    void listsFilterByTeamAndChannel() {
        String otherChannel = createChannel(alice.client(), teamId, "O").getString("id");
        String otherTeam = createTeam(alice.client()).getString("id");
        String otherTeamChannel = createChannel(alice.client(), otherTeam, "O").getString("id");
        String here = createHook(alice.client(), channelId).getString("id");
        String sameTeam = createHook(alice.client(), otherChannel).getString("id");
        String elsewhere = createHook(alice.client(), otherTeamChannel).getString("id");

        assertEquals(Set.of(here), Set.copyOf(list(alice.client(), "?channel_id=" + channelId)));
        assertEquals(Set.of(here, sameTeam), Set.copyOf(list(alice.client(), "?team_id=" + teamId)));
        assertEquals(Set.of(elsewhere), Set.copyOf(list(alice.client(), "?team_id=" + otherTeam)));
        assertEquals(Set.of(elsewhere), Set.copyOf(list(admin, "?team_id=" + otherTeam + "&per_page=200")));
    }

    @Test
    void listsPage() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            created.add(createHook(alice.client(), channelId).getString("id"));
        }
        List<String> first = list(alice.client(), "?channel_id=" + channelId + "&page=0&per_page=2");
        List<String> second = list(alice.client(), "?channel_id=" + channelId + "&page=1&per_page=2");
        assertEquals(2, first.size(), first.toString());
        assertEquals(1, second.size(), second.toString());
        Set<String> seen = new HashSet<>(first);
        seen.addAll(second);
        assertEquals(created, seen);
    }

    @Test
    void listingNeedsAToken() {
        assertError(401, ApiFixtures.anonymous().get(HOOKS));
    }

    private static List<String> list(HooklineClient client, String query) {
        HttpResponse<String> response = client.get(HOOKS + query);
        assertEquals(200, response.statusCode(), response.body());
        return ids(HooklineClient.jsonArray(response));
    }

    // --- read --------------------------------------------------------------------------------------------

    @Test
    void aHookIsReadableByItsOwnerAndTheAdminOnly() {
        JsonObject hook = createHook(alice.client(), channelId);
        String path = HOOKS + "/" + hook.getString("id");

        HttpResponse<String> own = alice.client().get(path);
        assertEquals(200, own.statusCode(), own.body());
        assertEquals(hook.getString("id"), HooklineClient.json(own).getString("id"));
        assertEquals(hook.getString("display_name"), HooklineClient.json(own).getString("display_name"));
        assertEquals(200, admin.get(path).statusCode());
        assertError(403, bob.client().get(path));
    }

    @Test
    void unknownHookIs404() {
        assertError(404, alice.client().get(HOOKS + "/" + ApiFixtures.unknownId()));
        assertError(404, admin.get(HOOKS + "/" + ApiFixtures.unknownId()));
    }

    // --- update ------------------------------------------------------------------------------------------

    @Test
    void theOwnerUpdatesAHook() {
        JsonObject hook = createHook(alice.client(), channelId);
        String path = HOOKS + "/" + hook.getString("id");
        JsonObject changed = Json.createObjectBuilder(hook)
                .add("display_name", "Renamed")
                .add("description", "now described")
                .add("channel_locked", true)
                .build();

        HttpResponse<String> response = alice.client().put(path, changed);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject updated = HooklineClient.json(response);
        assertEquals(hook.getString("id"), updated.getString("id"));
        assertEquals("Renamed", updated.getString("display_name"));
        assertEquals("now described", updated.getString("description"));
        assertTrue(updated.getBoolean("channel_locked"), updated.toString());
        assertEquals(channelId, updated.getString("channel_id"));
        assertTrue(updated.getJsonNumber("update_at").longValue()
                >= hook.getJsonNumber("update_at").longValue());

        JsonObject reread = HooklineClient.json(alice.client().get(path));
        assertEquals("Renamed", reread.getString("display_name"));
        assertEquals("now described", reread.getString("description"));
        assertTrue(reread.getBoolean("channel_locked"), reread.toString());
    }

    @Test
    void anotherUserCannotUpdateAHook() {
        JsonObject hook = createHook(alice.client(), channelId);
        String path = HOOKS + "/" + hook.getString("id");
        assertError(
                403,
                bob.client()
                        .put(
                                path,
                                Json.createObjectBuilder(hook)
                                        .add("display_name", "Hijacked")
                                        .build()));
        assertEquals(
                hook.getString("display_name"),
                HooklineClient.json(alice.client().get(path)).getString("display_name"));
    }

    @Test
    void displayNameLongerThan64Is400() {
        JsonObject hook = createHook(alice.client(), channelId);
        String path = HOOKS + "/" + hook.getString("id");
        assertError(
                400,
                alice.client()
                        .put(
                                path,
                                Json.createObjectBuilder(hook)
                                        .add("display_name", "x".repeat(65))
                                        .build()));
        assertEquals(
                hook.getString("display_name"),
                HooklineClient.json(alice.client().get(path)).getString("display_name"));
    }

    // --- delete ------------------------------------------------------------------------------------------

    @Test
    void anotherUserCannotDeleteAHook() {
        String hookId = createHook(alice.client(), channelId).getString("id");
        assertError(403, bob.client().delete(HOOKS + "/" + hookId));
        assertEquals(200, alice.client().get(HOOKS + "/" + hookId).statusCode());
        ApiFixtures.postThroughHook(hookId, "still alive " + ApiFixtures.suffix());
    }

    @Test
    void aDeletedHookIsGoneAndItsUrlStopsWorking() {
        String hookId = createHook(alice.client(), channelId).getString("id");
        ApiFixtures.postThroughHook(hookId, "before delete " + ApiFixtures.suffix());

        assertStatusOk(alice.client().delete(HOOKS + "/" + hookId));
        assertError(404, alice.client().get(HOOKS + "/" + hookId));
        assertError(
                404,
                "no_service",
                ApiFixtures.anonymous().postRaw("/hooks/" + hookId, "application/json", "{\"text\":\"x\"}"));
        assertFalse(list(alice.client(), "?channel_id=" + channelId).contains(hookId), "a deleted hook is not listed");
    }

    @Test
    void regeneratingGivesANewUrlAndTheOldOneStopsAtOnce() {
        String oldId = createHook(alice.client(), channelId).getString("id");
        assertError(403, bob.client().post(HOOKS + "/" + oldId + "/regen_token"));
        ApiFixtures.postThroughHook(oldId, "before regenerating " + ApiFixtures.suffix());

        HttpResponse<String> regenerated = alice.client().post(HOOKS + "/" + oldId + "/regen_token");
        assertEquals(200, regenerated.statusCode(), regenerated.body());
        String newId = HooklineClient.json(regenerated).getString("id");
        assertId(newId);
        assertNotEquals(oldId, newId);
        assertEquals(channelId, HooklineClient.json(regenerated).getString("channel_id"));

        assertError(
                404,
                "no_service",
                ApiFixtures.anonymous().postRaw("/hooks/" + oldId, "application/json", "{\"text\":\"x\"}"));
        ApiFixtures.postThroughHook(newId, "after regenerating " + ApiFixtures.suffix());
        assertError(404, alice.client().post(HOOKS + "/" + oldId + "/regen_token"));
    }
}
