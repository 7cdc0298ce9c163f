package io.hookline.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A reader of the console's live stream ({@code GET /console/live?channel=}) as a browser's EventSource
 * would read it, line by line on a thread of its own, so a test can wait for an event or for the end.
 * Also a stalled reader: a socket that sends the request and never reads a byte.
 */
public final class LiveStreamClient implements AutoCloseable {

    /** Put in {@link #lines} when the server ended the stream. */
    static final String END = "\u0000end";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public final int status;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Stream<String> body;
    private boolean ended;

    private LiveStreamClient(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.body = response.body();
        Thread reader = new Thread(
                () -> {
                    try {
                        body.forEach(lines::add);
                    } catch (RuntimeException closed) {
                        // the connection went away: the same as the end of the stream for the test
                    } finally {
                        lines.add(END);
                    }
                },
                "live-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a stream as the console session; answers once the response's headers are in. */
    public static LiveStreamClient open(ConsoleSession console, String channelId) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(console.baseUrl() + "/console/live?channel=" + channelId))
                .header("Cookie", console.cookieHeader())
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        try {
            return new LiveStreamClient(HTTP.send(request, HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new AssertionError("live stream request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Reads until a line equal to {@code line} arrives; false when the stream ended or the time ran out first. */
    public boolean await(String line, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            String next;
            try {
                next = lines.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (next == null) {
                return false;
            }
            if (END.equals(next)) {
                ended = true;
                return false;
            }
            seen.add(next);
            if (next.equals(line)) {
                return true;
            }
        }
        return false;
    }

    /** Reads until the server ends the stream; true when it did within the time. */
    boolean awaitEnd(Duration within) {
        await(END, within);
        return ended;
    }

    boolean ended() {
        return ended;
    }

    /** Every line read so far (for failure messages). */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        body.close();
    }

    /**
     * Opens a stream on a raw socket with a small receive buffer and never reads from it: the reader a
     * stalled or hostile client is. Close it to end the test's hold on the connection.
     */
    static Socket stalled(ConsoleSession console, String channelId) throws IOException {
        URI base = URI.create(console.baseUrl());
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort() < 0 ? 80 : base.getPort()), 10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /console/live?channel=" + channelId + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                        + "Accept: text/event-stream\r\nCookie: " + console.cookieHeader() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Whether the server has closed a stalled socket: reads what is buffered until end of stream or the time runs out. */
    static boolean serverClosed(Socket socket, Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
        return false;
    }
}
