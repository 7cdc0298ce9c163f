package io.hookline.web.live;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.channel.ChannelDirectory;
import io.hookline.web.console.security.ConsoleCaller;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /console/live?channel={id}}: a server-sent event stream that says "posts" whenever posts
 * commit to that channel. Behind the console's sign-in (it is under /console/), for channels the
 * signed-in user can read. The stream holds no thread while idle (async servlet) and never blocks one
 * while writing (non-blocking output, {@link LiveStream}); it ends after {@link #STREAM_LIFETIME_MS} and the
 * browser's EventSource reconnects by itself. Bounds: {@link LiveLimits}, kept by {@link LiveChannels}.
 */
@WebServlet(urlPatterns = "/console/live", asyncSupported = true)
public class LiveChannelServlet extends HttpServlet {

    /** How long one stream stays open before the browser is asked to reconnect. */
    static final long STREAM_LIFETIME_MS = 5 * 60 * 1000L;
    /** How soon a browser reconnects after a stream ends. */
    static final int RECONNECT_MS = 1000;

    @Inject
    private LiveChannels live;

    @Inject
    private ChannelDirectory directory;

    @Inject
    private ConsoleCaller me;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String channelId = request.getParameter("channel");
        String userId;
        try {
            userId = me.caller().userId();
            directory.get(me.caller(), channelId);
        } catch (HooklineException refused) {
            response.sendError(refused.status() == 403 ? 403 : 404);
            return;
        }
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext context = request.startAsync();
        context.setTimeout(STREAM_LIFETIME_MS);
        LiveStream stream = new LiveStream(
                channelId,
                userId,
                context,
                response.getOutputStream(),
                live.limits().queueCapacity());
        context.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                stream.close(null);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                stream.close(null);
            }

            @Override
            public void onError(AsyncEvent event) {
                stream.close(null);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {}
        });
        live.open(stream);
        // Non-blocking from here on: the container calls the stream back when the connection takes more.
        response.getOutputStream().setWriteListener(stream);
        // The first bytes: the reconnect delay and a "ready" event the page (and its tests) can wait for.
        stream.offer(("retry: " + RECONNECT_MS + "\n\n").getBytes(StandardCharsets.UTF_8));
        stream.offer(LiveStream.frame("ready", channelId));
    }
}
