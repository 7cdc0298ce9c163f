package io.hookline.it.cluster;

import static io.hookline.it.ApiFixtures.addChannelMember;
import static io.hookline.it.ApiFixtures.addTeamMember;
import static io.hookline.it.ApiFixtures.assertStatusOk;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.newestPost;
import static io.hookline.it.cluster.TwoNodes.COHERENCE_BOUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures;
import io.hookline.it.ApiFixtures.TestUser;
import io.hookline.it.HooklineClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a change committed through node A is in force on node B within {@link TwoNodes#COHERENCE_BOUND},
 * for each kind of change B caches. Each test first makes B cache the old state (a post through B), then
 * changes it through A's API and measures, from A's answer, how long B keeps answering the old way; the
 * measured delay is printed.
 */
class ClusterCoherenceIT {

    private HooklineClient adminA;
    private HooklineClient hooksB;
    private TestUser owner;
    private String teamId;
    private String channelId;

    @BeforeEach
    void aTeamAndChannelMadeOnA() {
        adminA = TwoNodes.adminOn(TwoNodes.a());
        hooksB = TwoNodes.anonymousOn(TwoNodes.b());
        owner = newUser(adminA, "cl");
        teamId = createTeam(owner.client()).getString("id");
        channelId = createChannel(owner.client(), teamId, "O").getString("id");
    }

    @Test
    void aHookDeletedOnAIsRefusedOnBWithinOneSecond() {
        String hookId = createHook(owner.client(), channelId).getString("id");
        assertOk(postOnB(hookId, "B caches the hook"));

        assertStatusOk(owner.client().delete("/api/v4/hooks/incoming/" + hookId));
        long delay = untilB(hookId, answer -> isError(answer, 404, "no_service"));
        report("delete on A refused on B", delay);
    }

    @Test
    void aHookRegeneratedOnAHasItsOldUrlRefusedOnBAndTheNewOnePosts() {
        String oldId = createHook(owner.client(), channelId).getString("id");
        assertOk(postOnB(oldId, "B caches the old URL"));

        HttpResponse<String> regenerated = owner.client().post("/api/v4/hooks/incoming/" + oldId + "/regen_token");
        assertEquals(200, regenerated.statusCode(), regenerated.body());
        long delay = untilB(oldId, answer -> isError(answer, 404, "no_service"));
        report("regenerate on A: old URL refused on B", delay);
        assertOk(postOnB(HooklineClient.json(regenerated).getString("id"), "through the new URL on B"));
    }

    @Test
    void aChannelArchivedOnAIs410OnBAndPostsAgainOnceRestored() {
        String hookId = createHook(owner.client(), channelId).getString("id");
        assertOk(postOnB(hookId, "B caches the channel"));

        assertStatusOk(owner.client().delete("/api/v4/channels/" + channelId));
        long delay = untilB(hookId, answer -> isError(answer, 410, "channel_is_archived"));
        report("channel archived on A: 410 on B", delay);

        assertEquals(
                200, adminA.post("/api/v4/channels/" + channelId + "/restore").statusCode());
        long back = untilB(hookId, answer -> answer.statusCode() == 200);
        report("channel restored on A: B posts again", back);
    }

    @Test
    void aCreatorRemovedFromAPrivateChannelOnAIs403OnB() {
        TestUser creator = newUser(adminA, "clm");
        addTeamMember(owner.client(), teamId, creator.id());
        String group = createChannel(owner.client(), teamId, "P").getString("id");
        addChannelMember(owner.client(), group, creator.id());
        String hookId = createHook(creator.client(), group).getString("id");
        assertOk(postOnB(hookId, "B caches the membership"));

        assertStatusOk(adminA.delete("/api/v4/channels/" + group + "/members/" + creator.id()));
        long delay = untilB(hookId, answer -> isError(answer, 403, "action_prohibited"));
        report("member removed on A: 403 on B", delay);
    }

    @Test
    void aCreatorDeactivatedOnAIs403OnB() {
        TestUser creator = newUser(adminA, "cld");
        addTeamMember(owner.client(), teamId, creator.id());
        String hookId = createHook(creator.client(), channelId).getString("id");
        assertOk(postOnB(hookId, "B caches the creator"));

        assertStatusOk(adminA.delete("/api/v4/users/" + creator.id()));
        long delay = untilB(hookId, answer -> isError(answer, 403, "action_prohibited"));
        report("creator deactivated on A: 403 on B", delay);
    }

    @Test
    void overridesTurnedOffOnAMakeBPostUnderTheCreatorsName() {
        String hookId = createHook(owner.client(), channelId).getString("id");
        setUsernameOverride(true);
        try {
            untilB(
                    hookId,
                    answer -> answer.statusCode() == 200
                            && "robot"
                                    .equals(props(newestPost(owner.client(), channelId))
                                            .getString("override_username", null)));

            setUsernameOverride(false);
            long delay = untilB(
                    hookId,
                    answer -> answer.statusCode() == 200
                            && !props(newestPost(owner.client(), channelId)).containsKey("override_username"));
            report("overrides off on A: B posts under the creator's name", delay);
            assertEquals(owner.id(), newestPost(owner.client(), channelId).getString("user_id"));
        } finally {
            setUsernameOverride(false);
        }
    }

    @Test
    void aHookUpdatedOnAToAnotherChannelPostsThereThroughB() {
        String hookId = createHook(owner.client(), channelId).getString("id");
        assertOk(postOnB(hookId, "B caches the hook's channel"));
        String other = createChannel(owner.client(), teamId, "O").getString("id");

        HttpResponse<String> updated = owner.client()
                .put(
                        "/api/v4/hooks/incoming/" + hookId,
                        Json.createObjectBuilder()
                                .add("id", hookId)
                                .add("channel_id", other)
                                .add("display_name", "moved")
                                .add("description", "")
                                .add("channel_locked", false)
                                .add("username", "")
                                .add("icon_url", "")
                                .build());
        assertEquals(200, updated.statusCode(), updated.body());
        long start = System.nanoTime();
        String text = ApiFixtures.unique("after the move");
        while (true) {
            assertOk(postOnB(hookId, text));
            if (text.equals(newestMessage(owner.client(), other))) {
                break;
            }
            assertTrue(
                    TwoNodes.millisSince(start) <= COHERENCE_BOUND.toMillis() + 100,
                    "B still posts into the old channel after " + TwoNodes.millisSince(start) + " ms");
        }
        report("hook moved on A: B posts into the new channel", TwoNodes.millisSince(start));
    }

    @Test
    void aHookRotatedOnAKeepsItsOldUrlOnBUntilRevokedOnA() {
        String oldId = createHook(owner.client(), channelId).getString("id");
        assertOk(postOnB(oldId, "B caches the hook under its old id"));

        HttpResponse<String> rotated = owner.client()
                .postJson(
                        "/api/v4/hooks/incoming/" + oldId + "/rotate",
                        Json.createObjectBuilder().add("grace_seconds", 3600).build());
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newId = HooklineClient.json(rotated).getString("id");
        // Past the coherence bound, B has re-read the hook: the old id still posts, now as the previous id.
        sleep(COHERENCE_BOUND.toMillis() + 200);
        assertOk(postOnB(oldId, "old URL on B during the grace period"));
        assertOk(postOnB(newId, "new URL on B"));

        HttpResponse<String> revoked = owner.client().delete("/api/v4/hooks/incoming/" + newId + "/previous");
        assertEquals(200, revoked.statusCode(), revoked.body());
        long delay = untilB(oldId, answer -> isError(answer, 404, "no_service"));
        report("revoke on A: old URL refused on B", delay);
        assertOk(postOnB(newId, "new URL on B after the revocation"));
    }

    @Test
    void aRotatedOldUrlStopsOnBExactlyAtItsExpiry() {
        String oldId = createHook(owner.client(), channelId).getString("id");
        HttpResponse<String> rotated = owner.client()
                .postJson(
                        "/api/v4/hooks/incoming/" + oldId + "/rotate",
                        Json.createObjectBuilder().add("grace_seconds", 3).build());
        assertEquals(200, rotated.statusCode(), rotated.body());
        long expiresAt = HooklineClient.json(rotated)
                .getJsonNumber("previous_id_expires_at")
                .longValue();
        sleep(COHERENCE_BOUND.toMillis() + 200);
        // B caches the old id as the previous id, with its expiry; nothing is written at the expiry.
        assertOk(postOnB(oldId, "B caches the previous id"));
        sleep(Math.max(0, expiresAt + 1 - System.currentTimeMillis()));
        HttpResponse<String> expired = postOnB(oldId, "after the expiry");
        assertTrue(
                isError(expired, 404, "no_service"),
                "at once after the expiry, without any change to wait for: " + expired.statusCode() + " "
                        + expired.body());
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private HttpResponse<String> postOnB(String hookId, String text) {
        return hooksB.postRaw(
                "/hooks/" + hookId,
                "application/json",
                Json.createObjectBuilder()
                        .add("text", text)
                        .add("username", "robot")
                        .build()
                        .toString());
    }

    /**
     * Posts through B until {@code done} holds for its answer; fails past the bound. Answers the milliseconds
     * from the call (made right after A answered) to B's first answer that holds.
     */
    private long untilB(String hookId, Predicate<HttpResponse<String>> done) {
        long start = System.nanoTime();
        HttpResponse<String> last;
        do {
            last = postOnB(hookId, "probe " + ApiFixtures.suffix());
            if (done.test(last)) {
                long delay = TwoNodes.millisSince(start);
                assertTrue(delay <= COHERENCE_BOUND.toMillis(), "B caught up only after " + delay + " ms");
                return delay;
            }
            sleep(20);
        } while (TwoNodes.millisSince(start) <= COHERENCE_BOUND.toMillis() + 2_000);
        throw new AssertionError("B still answers " + last.statusCode() + " " + last.body() + " after "
                + TwoNodes.millisSince(start) + " ms");
    }

    private void setUsernameOverride(boolean on) {
        JsonObject patch = Json.createObjectBuilder()
                .add("ServiceSettings", Json.createObjectBuilder().add("EnablePostUsernameOverride", on))
                .build();
        HttpResponse<String> patched = adminA.put("/api/v4/config/patch", patch);
        assertEquals(200, patched.statusCode(), patched.body());
    }

    /** The channel's newest post's message; empty while it has none. */
    private static String newestMessage(HooklineClient reader, String channelId) {
        JsonObject list = HooklineClient.json(reader.get("/api/v4/channels/" + channelId + "/posts?per_page=1"));
        return list.getJsonArray("order").isEmpty()
                ? ""
                : list.getJsonObject("posts")
                        .getJsonObject(list.getJsonArray("order").getString(0))
                        .getString("message");
    }

    private static JsonObject props(JsonObject post) {
        return post.containsKey("props") ? post.getJsonObject("props") : JsonObject.EMPTY_JSON_OBJECT;
    }

    private static boolean isError(HttpResponse<String> answer, int status, String id) {
        return answer.statusCode() == status && answer.body().contains("\"id\":\"" + id + "\"");
    }

    private static void assertOk(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("ok", answer.body());
    }

    private static void report(String what, long millis) {
        System.out.println(what + " after " + millis + " ms");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
