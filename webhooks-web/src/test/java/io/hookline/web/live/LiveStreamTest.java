package io.hookline.web.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A live stream's bounded queue and the per-user bound (issue 15, point 7), without a server. */
class LiveStreamTest {

    /** A connection that takes bytes only while {@code ready}, as a servlet container's non-blocking output. */
    static final class Connection extends ServletOutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        volatile boolean ready = true;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener listener) {}

        @Override
        public void write(int b) {
            if (!ready) {
                throw new IllegalStateException("written while not ready");
            }
            written.write(b);
        }

        String text() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    static final AtomicInteger COMPLETED = new AtomicInteger();

    static AsyncContext context() {
        return (AsyncContext) Proxy.newProxyInstance(
                LiveStreamTest.class.getClassLoader(), new Class<?>[] {AsyncContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("complete")) {
                        COMPLETED.incrementAndGet();
                    }
                    return null;
                });
    }

    static LiveStream stream(String channel, String user, Connection connection, int capacity) {
        return new LiveStream(channel, user, context(), connection, capacity);
    }

    @Test
    void aReadingConnectionGetsEveryEventAtOnce() {
        Connection connection = new Connection();
        LiveStream stream = stream("c", "u", connection, 2);
        for (int i = 0; i < 10; i++) {
            assertTrue(stream.offer(LiveStream.frame("posts", "c")));
        }
        assertEquals(10, connection.text().split("event: posts\ndata: c\n\n", -1).length - 1);
        assertEquals(0, stream.queued());
    }

    @Test
    void aStalledReaderQueuesUpToTheCapacityAndIsRefusedPastIt() {
        Connection connection = new Connection();
        connection.ready = false;
        LiveStream stream = stream("c", "u", connection, LiveLimits.DEFAULT_QUEUE_CAPACITY);
        for (int i = 0; i < LiveLimits.DEFAULT_QUEUE_CAPACITY; i++) {
            assertTrue(stream.offer(LiveStream.frame("posts", "c")), "at the capacity: " + i);
        }
        assertFalse(stream.offer(LiveStream.frame("posts", "c")), "past the capacity");
        assertEquals("", connection.text(), "nothing written while the connection took nothing");
    }

    @Test
    void queuedEventsGoOutWhenTheConnectionTakesMore() {
        Connection connection = new Connection();
        connection.ready = false;
        LiveStream stream = stream("c", "u", connection, 4);
        stream.offer(LiveStream.frame("posts", "1"));
        stream.offer(LiveStream.frame("posts", "2"));
        connection.ready = true;
        stream.onWritePossible();
        assertEquals("event: posts\ndata: 1\n\nevent: posts\ndata: 2\n\n", connection.text());
    }

    @Test
    void aSlowReaderIsClosedByThePublisherNeverWaitedFor() {
        LiveChannels live = new LiveChannels();
        Connection stalled = new Connection();
        stalled.ready = false;
        Connection reading = new Connection();
        LiveStream slow = stream("c", "slow", stalled, LiveLimits.DEFAULT_QUEUE_CAPACITY);
        LiveStream fast = stream("c", "fast", reading, LiveLimits.DEFAULT_QUEUE_CAPACITY);
        live.open(slow);
        live.open(fast);
        for (int i = 0; i <= LiveLimits.DEFAULT_QUEUE_CAPACITY; i++) {
            live.publish("c");
        }
        assertTrue(slow.isClosed(), "one event past the queue closes the stalled stream");
        assertFalse(fast.isClosed());
        assertEquals(1, live.openStreams("c"));
        assertEquals(
                LiveLimits.DEFAULT_QUEUE_CAPACITY + 1,
                reading.text().split("event: posts", -1).length - 1,
                "the reading stream got every event");
    }

    @Test
    void theStreamPastAUsersLimitClosesTheirOldest() {
        LiveChannels live = new LiveChannels();
        int limit = LiveLimits.DEFAULT_STREAMS_PER_USER;
        LiveStream[] streams = new LiveStream[limit + 1];
        Connection[] connections = new Connection[limit + 1];
        for (int i = 0; i < limit; i++) {
            connections[i] = new Connection();
            streams[i] = stream("c" + i, "u", connections[i], 4);
            live.open(streams[i]);
        }
        assertEquals(limit, live.openStreamsOf("u"), "at the limit every stream stays");
        for (LiveStream s : streams) {
            assertTrue(s == null || !s.isClosed());
        }
        connections[limit] = new Connection();
        streams[limit] = stream("c" + limit, "u", connections[limit], 4);
        live.open(streams[limit]);
        assertTrue(streams[0].isClosed(), "past the limit the oldest closes");
        assertEquals("event: closed\ndata: too-many-streams\n\n", connections[0].text());
        for (int i = 1; i <= limit; i++) {
            assertFalse(streams[i].isClosed(), "stream " + i);
        }
        assertEquals(limit, live.openStreamsOf("u"));
        live.open(stream("x", "other", new Connection(), 4));
        assertEquals(1, live.openStreamsOf("other"), "another user's streams are their own");
    }

    @Test
    void theDefaults() {
        LiveLimits limits = LiveLimits.fromDeployment();
        assertEquals(10, limits.streamsPerUser());
        assertEquals(16, limits.queueCapacity());
        assertEquals(1000, limits.recheckMillis());
    }
}
