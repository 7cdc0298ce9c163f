package io.hookline.web.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open channel views, by channel, as server-sent event streams. When posts commit to a channel
 * ({@link PostsCommitted}), each view of that channel gets one {@code posts} event and fetches the new
 * posts itself, through its own page (so it sees exactly what its user may see).
 */
@ApplicationScoped
public class LiveChannels {

    private static final Logger LOG = Logger.getLogger(LiveChannels.class.getName());

    private final Map<String, Set<AsyncContext>> streams = new ConcurrentHashMap<>();

    void open(String channelId, AsyncContext stream) {
        streams.computeIfAbsent(channelId, id -> ConcurrentHashMap.newKeySet()).add(stream);
    }

    void close(String channelId, AsyncContext stream) {
        Set<AsyncContext> open = streams.get(channelId);
        if (open != null) {
            open.remove(stream);
        }
    }

    int openStreams(String channelId) {
        Set<AsyncContext> open = streams.get(channelId);
        return open == null ? 0 : open.size();
    }

    void onCommitted(@Observes PostsCommitted committed) {
        Set<AsyncContext> open = streams.get(committed.channelId());
        if (open == null) {
            return;
        }
        for (AsyncContext stream : open) {
            if (!send(stream, "posts", committed.channelId())) {
                open.remove(stream);
            }
        }
    }

    /** Writes one event; false when the browser has gone (the stream is then dropped). */
    static boolean send(AsyncContext stream, String event, String data) {
        try {
            synchronized (stream) {
                PrintWriter out = stream.getResponse().getWriter();
                out.write("event: " + event + "\ndata: " + data + "\n\n");
                out.flush();
                return !out.checkError();
            }
        } catch (IOException | IllegalStateException gone) {
            LOG.log(Level.FINE, "live stream closed", gone);
            return false;
        }
    }

}
