package io.hookline.web.live;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open live stream: who opened it, for which channel, and its events waiting to be written.
 * Writes are non-blocking (servlet {@link WriteListener}): an event is written only while the connection
 * takes more, so no thread ever waits on a reader. Events that cannot be written yet wait in a bounded
 * queue; when it is full the reader is too slow and {@link #offer} says so (the caller disconnects it).
 */
final class LiveStream implements WriteListener {

    private static final Logger LOG = Logger.getLogger(LiveStream.class.getName());

    /** Why a stream ended, sent as the data of a last {@code closed} event when the connection takes it. */
    enum Reason {
        /** The user opened more streams than {@link LiveLimits#streamsPerUser()}: the page should not reconnect. */
        TOO_MANY_STREAMS("too-many-streams"),
        /** The user may no longer read the channel. */
        ACCESS("access"),
        /** The reader fell {@link LiveLimits#queueCapacity()} events behind. */
        SLOW_READER("slow-reader"),
        /** The application is stopping. */
        SHUTDOWN("shutdown");

        final String wire;

        Reason(String wire) {
            this.wire = wire;
        }
    }

    private final String channelId;
    private final String userId;
    private final long openedNanos = System.nanoTime();
    private final AsyncContext context;
    private final ServletOutputStream out;
    private final BlockingQueue<byte[]> queue;
    private boolean unflushed;
    private boolean closed;
    private Runnable onClosed = () -> {};

    LiveStream(String channelId, String userId, AsyncContext context, ServletOutputStream out, int queueCapacity) {
        this.channelId = channelId;
        this.userId = userId;
        this.context = context;
        this.out = out;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
    }

    /** Run once when the stream closes for any reason (the registry forgets it). */
    void onClosed(Runnable action) {
        this.onClosed = action;
    }

    String channelId() {
        return channelId;
    }

    String userId() {
        return userId;
    }

    long openedNanos() {
        return openedNanos;
    }

    static byte[] frame(String event, String data) {
        return ("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Queues an event and writes what the connection takes now. False when the queue is full (the
     * reader is too slow) or the stream is closed; never blocks.
     */
    boolean offer(byte[] frame) {
        synchronized (this) {
            if (closed || !queue.offer(frame)) {
                return false;
            }
        }
        pump();
        return true;
    }

    /** Writes queued events while the connection takes them without blocking. */
    synchronized void pump() {
        if (closed) {
            return;
        }
        try {
            while (out.isReady()) {
                byte[] next = queue.poll();
                if (next == null) {
                    if (unflushed) {
                        unflushed = false;
                        out.flush();
                        continue; // isReady() again: the flush may not have completed
                    }
                    return;
                }
                out.write(next);
                unflushed = true;
            }
        } catch (IOException | IllegalStateException gone) {
            LOG.log(Level.FINE, "live stream write failed", gone);
            close(null);
        }
    }

    int queued() {
        return queue.size();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void onWritePossible() {
        pump();
    }

    @Override
    public void onError(Throwable failure) {
        LOG.log(Level.FINE, "live stream failed", failure);
        close(null);
    }

    /**
     * Ends the stream (idempotent). With a reason, a last {@code closed} event is written first if the
     * connection takes it without blocking; a stalled reader just loses the connection.
     */
    void close(Reason reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            if (reason != null) {
                try {
                    if (out.isReady()) {
                        out.write(frame("closed", reason.wire));
                        if (out.isReady()) {
                            out.flush();
                        }
                    }
                } catch (IOException | IllegalStateException gone) {
                    LOG.log(Level.FINE, "live stream gone before its last event", gone);
                }
            }
        }
        try {
            context.complete();
        } catch (IllegalStateException alreadyDone) {
            LOG.log(Level.FINE, "live stream already complete", alreadyDone);
        }
        onClosed.run();
    }
}
