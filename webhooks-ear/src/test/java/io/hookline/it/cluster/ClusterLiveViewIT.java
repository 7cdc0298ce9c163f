package io.hookline.it.cluster;

import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import io.hookline.it.ConsoleSession;
import io.hookline.it.HooklineClient;
import io.hookline.it.LiveStreamClient;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 17: a post accepted on node A appears in a channel view open on node B within two seconds. */
class ClusterLiveViewIT {

    static final Duration LIVE_BOUND = Duration.ofSeconds(2);

    @Test
    void aPostThroughAReachesAChannelViewOpenOnB() {
        HooklineClient adminA = TwoNodes.adminOn(TwoNodes.a());
        TestUser viewer = newUser(adminA, "lv");
        String channelId = createChannel(
                        viewer.client(), createTeam(viewer.client()).getString("id"), "O")
                .getString("id");
        String hookId = createHook(viewer.client(), channelId).getString("id");
        ConsoleSession onB = ConsoleSession.signIn(TwoNodes.b(), viewer.username(), viewer.password());

        try (LiveStreamClient stream = LiveStreamClient.open(onB, channelId)) {
            assertEquals(200, stream.status);
            assertTrue(stream.await("event: ready", Duration.ofSeconds(10)), "ready: " + stream.seen());
            long start = System.nanoTime();
            HttpResponse<String> posted = TwoNodes.anonymousOn(TwoNodes.a())
                    .postRaw(
                            "/hooks/" + hookId,
                            "application/json",
                            Json.createObjectBuilder()
                                    .add("text", "through A")
                                    .build()
                                    .toString());
            assertEquals(200, posted.statusCode(), posted.body());
            assertTrue(stream.await("event: posts", LIVE_BOUND), "B's view never heard of A's post: " + stream.seen());
            System.out.println("post on A seen by the live view on B after " + TwoNodes.millisSince(start) + " ms");
        }
    }
}
