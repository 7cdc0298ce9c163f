package io.hookline.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two Payara domains {@code mvn verify -Pcluster} started (io.hookline.run.StartRunCluster), as the
 * failsafe system properties describe them: where each answers, and how a test stops and starts one with
 * asadmin. Both nodes share one PostgreSQL schema ({@link ClusterDatabase}) and one data grid.
 */
public final class ClusterNodes {

    /** A node's server and Hookline in it loading again after a start, on a shared 2-core machine. */
    public static final Duration START_LIMIT = Duration.ofSeconds(240);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern MEMBER = Pattern.compile("/127\\.0\\.0\\.1:(\\d+)");

    /** The two nodes: A (HTTP 8080 + offset) and B (every port of A plus one). */
    public enum Node {
        A("a"),
        B("b");

        private final String letter;

        Node(String letter) {
            this.letter = letter;
        }

        private String property(String name) {
            String key = "hookline.cluster." + letter + "." + name;
            String value = System.getProperty(key);
            if (value == null) {
                throw new IllegalStateException("No system property " + key + ": run these tests with -Pcluster");
            }
            return value;
        }

        /** Where Hookline answers on this node, with a trailing slash. */
        public String url() {
            return property("url");
        }

        public String domain() {
            return property("domain");
        }

        public int adminPort() {
            return Integer.parseInt(property("admin.port"));
        }

        /** The port this node's data grid member listens on. */
        public int gridPort() {
            return Integer.parseInt(property("grid.port"));
        }

        public Path serverLog() {
            return domainDir().resolve(domain()).resolve("logs/server.log");
        }
    }

    private ClusterNodes() {}

    static Path domainDir() {
        return Path.of(required("hookline.cluster.domaindir"));
    }

    static String asadmin() {
        return required("hookline.cluster.asadmin");
    }

    public static String gridName() {
        return required("hookline.cluster.grid.name");
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("No system property " + key + ": run these tests with -Pcluster");
        }
        return value;
    }

    /** Stops the node's domain (asadmin stop-domain: Payara shuts Hookline down cleanly first). */
    public static void stop(Node node) {
        asadmin("stop-domain", "--domaindir", domainDir().toString(), node.domain());
    }

    /**
     * Starts the node's domain again (it still holds the deployed EAR) and waits until Hookline's ping answers 200.
     * The server inherits this JVM's environment: failsafe's, with the same HOOKLINE_* the profile started it with.
     */
    public static void start(Node node) {
        asadmin("start-domain", "--domaindir", domainDir().toString(), node.domain());
        awaitPing(node, START_LIMIT);
    }

    /** The status of GET /api/v4/system/ping on the node, or -1 while nothing accepts connections there. */
    public static int ping(Node node) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(node.url() + "api/v4/system/ping"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException notListening) {
            return -1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    public static void awaitPing(Node node, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        int status;
        while ((status = ping(node)) != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        node + " (" + node.url() + ") ping answers " + status + " after " + limit.toSeconds() + " s");
            }
            sleep(500);
        }
    }

    /**
     * The data grid ports of the members the node's grid has now, as {@code asadmin list-hazelcast-members}
     * answers on its admin port ({@code { server-MicroShoal-/127.0.0.1:4900-this server-MicroShoal-/127.0.0.1:4901 }}).
     */
    public static List<Integer> gridMembers(Node node) {
        String listed = asadmin("--port", Integer.toString(node.adminPort()), "list-hazelcast-members");
        List<Integer> ports = new ArrayList<>();
        Matcher member = MEMBER.matcher(listed);
        while (member.find()) {
            ports.add(Integer.parseInt(member.group(1)));
        }
        return ports;
    }

    public static String serverLog(Node node) {
        try {
            return Files.readString(node.serverLog(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Runs asadmin to completion; a non-zero exit fails with its output. */
    static String asadmin(String... arguments) {
        List<String> command = new ArrayList<>(List.of(asadmin()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException cannotRun) {
            throw new UncheckedIOException(cannotRun);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
