package io.hookline.it;

import static io.hookline.it.ApiFixtures.addChannelMember;
import static io.hookline.it.ApiFixtures.addTeamMemberResponse;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.mainTeamId;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.postThroughHook;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, point 7, over HTTP as a browser's EventSource reads {@code GET /console/live?channel=}:
 * at most ten streams per user (the eleventh closes the oldest), losing channel access (removal from the
 * channel, deactivation) ends the stream within seconds, and readers that never read do not slow hooks.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveStreamLimitsIT {

    /** LiveLimits.DEFAULT_STREAMS_PER_USER. */
    static final int STREAMS_PER_USER = 10;
    /** How soon a lost access must end a stream: LiveLimits.DEFAULT_RECHECK_MILLIS and then some. */
    static final Duration ACCESS_LOSS_LIMIT = Duration.ofSeconds(5);

    static final Duration EVENT_WAIT = Duration.ofSeconds(10);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    /** A new user in a new private channel of the main team (created by the admin), signed in to the console. */
    private record Member(TestUser user, String channel, String hook, ConsoleSession console) {}

    private static Member member(HooklineClient admin, String prefix) {
        TestUser user = newUser(admin, prefix);
        String team = mainTeamId(admin);
        addTeamMemberResponse(admin, team, user.id()); // 201, or already a member
        String channel = createChannel(admin, team, "P").getString("id");
        addChannelMember(admin, channel, user.id());
        String hook = createHook(admin, channel).getString("id");
        return new Member(user, channel, hook, ConsoleSession.signIn(user.username(), user.password()));
    }

    private static LiveStreamClient ready(ConsoleSession console, String channel) {
        LiveStreamClient stream = LiveStreamClient.open(console, channel);
        assertEquals(200, stream.status);
        assertTrue(stream.await("event: ready", EVENT_WAIT), "ready: " + stream.seen());
        return stream;
    }

    @Test
    void theEleventhStreamOfOneUserClosesTheirOldestAndTheOthersStayLive() {
        HooklineClient admin = ApiFixtures.admin();
        Member m = member(admin, "live");
        List<LiveStreamClient> streams = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS_PER_USER; i++) {
                streams.add(ready(m.console(), m.channel()));
            }
            assertFalse(streams.get(0).awaitEnd(Duration.ofMillis(500)), "at the limit the oldest stays open");
            streams.add(ready(m.console(), m.channel()));
            assertTrue(
                    streams.get(0).await("data: too-many-streams", EVENT_WAIT),
                    "the oldest is told why it ends: " + streams.get(0).seen());
            assertTrue(streams.get(0).awaitEnd(EVENT_WAIT), "past the limit the oldest stream ends");

            postThroughHook(m.hook(), "to every open view");
            for (int i = 1; i <= STREAMS_PER_USER; i++) {
                LiveStreamClient stream = streams.get(i);
                assertTrue(stream.await("event: posts", EVENT_WAIT), "stream " + i + " still live: " + stream.seen());
                assertFalse(stream.ended(), "stream " + i);
            }
        } finally {
            streams.forEach(LiveStreamClient::close);
        }
    }

    @Test
    void removingAUserFromAPrivateChannelEndsTheirStreamWithinSeconds() {
        HooklineClient admin = ApiFixtures.admin();
        Member m = member(admin, "liverm");
        try (LiveStreamClient stream = ready(m.console(), m.channel())) {
            postThroughHook(m.hook(), "while a member");
            assertTrue(stream.await("event: posts", EVENT_WAIT), stream.seen().toString());

            long start = System.nanoTime();
            HttpResponse<String> removed = admin.delete(
                    "/api/v4/channels/" + m.channel() + "/members/" + m.user().id());
            assertEquals(200, removed.statusCode(), removed.body());
            assertTrue(stream.awaitEnd(ACCESS_LOSS_LIMIT), "the stream outlived the membership: " + stream.seen());
            System.out.println("Live stream ended " + (System.nanoTime() - start) / 1_000_000
                    + " ms after the user was removed from the channel");
            assertTrue(stream.seen().contains("data: access"), stream.seen().toString());
        }
        try (LiveStreamClient again = LiveStreamClient.open(m.console(), m.channel())) {
            assertEquals(403, again.status, "no new stream to a channel the user left");
        }
    }

    @Test
    void deactivatingAUserEndsTheirStreamsWithinSeconds() {
        HooklineClient admin = ApiFixtures.admin();
        Member m = member(admin, "livedeact");
        try (LiveStreamClient stream = ready(m.console(), m.channel())) {
            long start = System.nanoTime();
            HttpResponse<String> deactivated =
                    admin.delete("/api/v4/users/" + m.user().id());
            assertEquals(200, deactivated.statusCode(), deactivated.body());
            assertTrue(stream.awaitEnd(ACCESS_LOSS_LIMIT), "the stream outlived the account: " + stream.seen());
            System.out.println("Live stream ended " + (System.nanoTime() - start) / 1_000_000
                    + " ms after the user was deactivated");
        }
    }

    @Test
    void readersThatNeverReadDoNotSlowHookPostsAndAReadingViewStillGetsThem() throws Exception {
        HooklineClient admin = ApiFixtures.admin();
        Member m = member(admin, "livestall");
        Member reader = member(admin, "livereader");
        addChannelMember(admin, m.channel(), reader.user().id());
        List<Socket> stalled = new ArrayList<>();
        try (LiveStreamClient reading = ready(reader.console(), m.channel())) {
            for (int i = 0; i < STREAMS_PER_USER; i++) {
                stalled.add(LiveStreamClient.stalled(m.console(), m.channel()));
            }
            int posts = 200;
            long[] millis = new long[posts];
            for (int i = 0; i < posts; i++) {
                long start = System.nanoTime();
                postThroughHook(m.hook(), "post " + i + " with stalled readers attached");
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            long p50 = sorted[posts / 2];
            long p95 = sorted[posts * 95 / 100];
            long max = sorted[posts - 1];
            int events = 0;
            while (events < posts && reading.await("event: posts", EVENT_WAIT)) {
                events++;
            }
            System.out.println("Hook posts with " + stalled.size() + " stalled live readers attached: p50 " + p50
                    + " ms, p95 " + p95 + " ms, max " + max + " ms; the reading view got " + events + " events");
            assertTrue(p95 < 500, "p95 " + p95 + " ms");
            assertTrue(max < 3000, "max " + max + " ms");
            assertEquals(posts, events, "the reading view got an event for every post");
            assertFalse(reading.ended(), "the reading view is not disconnected");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }
}
