package io.hookline.it.cluster;

import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookline.it.ApiFixtures.TestUser;
import io.hookline.it.HooklineClient;
import io.hookline.it.Poll;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the delivery log and the audit log are one log each for the cluster. A hook's deliveries are
 * written by whichever node answered, the audit entries by whichever node made the change; read through
 * either node, each log holds all of them, once.
 */
class ClusterLogsIT {

    static final int POSTS_PER_NODE = 5;
    /** Each node's delivery log writer stores in batches, in the background. */
    static final Duration LOG_WRITTEN = Duration.ofSeconds(10);

    @Test
    void aHooksDeliveriesThroughBothNodesAreInOneLogReadableThroughEither() {
        HooklineClient adminA = TwoNodes.adminOn(TwoNodes.a());
        TestUser owner = newUser(adminA, "dl");
        String channelId = createChannel(
                        owner.client(), createTeam(owner.client()).getString("id"), "O")
                .getString("id");
        String hookId = createHook(owner.client(), channelId).getString("id");
        for (int i = 0; i < POSTS_PER_NODE; i++) {
            for (String node : List.of(TwoNodes.a(), TwoNodes.b())) {
                HttpResponse<String> answer = TwoNodes.anonymousOn(node)
                        .postRaw(
                                "/hooks/" + hookId,
                                "application/json",
                                Json.createObjectBuilder()
                                        .add("text", "delivery " + i)
                                        .build()
                                        .toString());
                assertEquals(200, answer.statusCode(), answer.body());
            }
        }
        HooklineClient ownerOnB =
                new HooklineClient(TwoNodes.b()).withToken(owner.client().token());
        for (HooklineClient reader : List.of(owner.client(), ownerOnB)) {
            JsonArray log = Poll.until(
                    LOG_WRITTEN,
                    () -> HooklineClient.jsonArray(reader.get("/api/v4/hooks/incoming/" + hookId + "/deliveries")),
                    entries -> entries.size() >= 2 * POSTS_PER_NODE,
                    entries -> "deliveries so far: " + entries);
            assertEquals(2 * POSTS_PER_NODE, log.size(), log.toString());
            Set<String> posts = new HashSet<>();
            for (JsonObject entry : log.getValuesAs(JsonObject.class)) {
                assertEquals(200, entry.getInt("status_code"), entry.toString());
                posts.add(entry.getJsonArray("post_ids").getString(0));
            }
            assertEquals(2 * POSTS_PER_NODE, posts.size(), "each delivery names its own post: " + log);
        }
    }

    @Test
    void changesMadeOnEitherNodeAreInTheOneAuditLog() {
        HooklineClient adminA = TwoNodes.adminOn(TwoNodes.a());
        HooklineClient adminB = TwoNodes.adminOn(TwoNodes.b());
        TestUser owner = newUser(adminA, "au");
        String channelId = createChannel(
                        owner.client(), createTeam(owner.client()).getString("id"), "O")
                .getString("id");
        createHook(owner.client(), channelId);
        HooklineClient ownerOnB =
                new HooklineClient(TwoNodes.b()).withToken(owner.client().token());
        HttpResponse<String> created = ownerOnB.postJson(
                "/api/v4/hooks/incoming",
                Json.createObjectBuilder()
                        .add("channel_id", channelId)
                        .add("display_name", "via B")
                        .add("description", "")
                        .add("channel_locked", false)
                        .add("username", "")
                        .add("icon_url", "")
                        .build());
        assertEquals(201, created.statusCode(), created.body());

        for (HooklineClient reader : List.of(adminA, adminB)) {
            HttpResponse<String> audits = reader.get("/api/v4/audits?per_page=200");
            assertEquals(200, audits.statusCode(), audits.body());
            long hooksCreated = HooklineClient.jsonArray(audits).getValuesAs(JsonObject.class).stream()
                    .filter(entry -> owner.id().equals(entry.getString("user_id"))
                            && "createIncomingHook".equals(entry.getString("action")))
                    .count();
            assertEquals(2, hooksCreated, "one entry per hook, whichever node created it");
        }
    }
}
