package io.hookline.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/** Waiting for a server over HTTP, and making sure its ports are free before starting it. */
final class RunHttp {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunHttp() {}

    /** The status and body of a GET, or null while nothing accepts connections there. */
    static HttpResponse<String> get(URI uri) throws InterruptedException {
        try {
            return CLIENT.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException notYet) {
            return null;
        }
    }

    /**
     * Polls {@code uri} until its status is one {@code ready} accepts, at most {@code limit}; fails early once
     * {@code alive} says the server process is gone. Returns the body.
     */
    static String await(URI uri, IntPredicate ready, Duration limit, BooleanSupplier alive, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        HttpResponse<String> last = null;
        RunProgress.say("waiting for " + what + " at " + uri + " (at most " + limit.toSeconds() + " s) …");
        RunProgress.Step step = RunProgress.track("waiting for " + what, () -> 0L);
        try {
            while (System.nanoTime() < deadline) {
                last = get(uri);
                if (last != null && ready.test(last.statusCode())) {
                    step.done();
                    return last.body();
                }
                if (!alive.getAsBoolean()) {
                    throw new IllegalStateException("The server stopped while waiting for " + what);
                }
                Thread.sleep(500);
            }
        } finally {
            step.abandon(); // after done(), a no-op
        }
        throw new IllegalStateException(what + " not ready within " + limit.toSeconds() + " s: " + uri
                + (last == null ? " accepts no connections" : " answers " + last.statusCode() + " " + last.body()));
    }

    /** Hookline's health check, {@code {"status":"OK","database_status":"OK"}} once the database answers too. */
    static String awaitPing(String baseUrl, Duration limit) throws InterruptedException {
        String body = await(
                URI.create(baseUrl + "api/v4/system/ping"), status -> status == 200, limit, () -> true, "Hookline");
        System.out.println("GET " + baseUrl + "api/v4/system/ping -> " + body);
        return body;
    }

    static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /**
     * Before a start: a server whose port is taken waits or fails deep in its log, and a port answered by another
     * process would make the redeploy talk to someone else's server.
     */
    static void requireFree(List<Integer> ports, String hint) {
        List<Integer> taken = ports.stream().filter(RunHttp::inUse).toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException(
                    "Port(s) " + taken.stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + " already in use by another process: " + hint);
        }
    }
}
