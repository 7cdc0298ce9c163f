package io.hookline.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The start step of {@code mvn -Prun package}, so that the command can be run again and again:
 * <ul>
 * <li>the domain is started only when {@code asadmin list-domains} says it is not running (Payara's
 * {@code start-domain} on a running domain launches a second server that waits forever for its
 * ports);</li>
 * <li>when the domain already holds Hookline from an earlier run, {@code start-domain} returns while the
 * application is still loading, and a redeploy at that moment fails inside Payara ("applicationInfo is
 * null"): so this waits until the application answers, at most {@link #LOAD_LIMIT}.</li>
 * </ul>
 * Arguments: the Payara home ({@code .../payara6}) and a URL the application serves.
 */
public final class StartRunDomain {

    static final Duration LOAD_LIMIT = Duration.ofSeconds(120);
    static final String DOMAIN = "domain1";
    static final int ADMIN_PORT = 4848;

    private StartRunDomain() {
    }

    public static void main(String[] args) throws Exception {
        Path payara = Path.of(args[0]);
        Path asadmin = payara.resolve("bin/asadmin");
        String domains = run(asadmin.toString(), "list-domains");
        // list-domains trusts the domain's pid file; a server that answers on the admin port is running too.
        if (domains.contains(DOMAIN + " running") || adminPortAnswers()) {
            System.out.println(DOMAIN + " is already running: redeploying into it");
        } else {
            String started = run(asadmin.toString(), "start-domain", DOMAIN);
            System.out.println(started);
        }
        if (Files.isDirectory(payara.resolve("glassfish/domains/" + DOMAIN + "/applications/hookline"))) {
            awaitLoaded(URI.create(args[1]));
        }
    }

    private static boolean adminPortAnswers() {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", ADMIN_PORT), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + status + "):\n" + output);
        }
        return output;
    }

    private static void awaitLoaded(URI page) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + LOAD_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                int status = client.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status != 404 && status < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // the listener is not accepting connections yet
            }
            Thread.sleep(500);
        }
        System.err.println("Hookline did not finish loading within " + LOAD_LIMIT.toSeconds() + " s; redeploying anyway");
    }
}
