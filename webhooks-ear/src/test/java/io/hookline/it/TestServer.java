package io.hookline.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The server the integration tests run against, as the Maven profile chose it (failsafe's system properties):
 * Payara by default, WildFly with -Pwildfly. The one place that knows where each server listens and logs, so
 * the tests themselves never fork per server.
 */
public final class TestServer {

    private TestServer() {}

    public static boolean isWildFly() {
        return "wildfly".equals(name());
    }

    /** "payara" or "wildfly". */
    public static String name() {
        return System.getProperty("hookline.server", "payara");
    }

    /**
     * Where Hookline answers plain HTTP, with a trailing slash. In the cluster tests (-Pcluster, whose nodes move
     * with -Dport.offset) node A, so a helper that makes its own client talks to a node that runs.
     */
    public static String baseUrl() {
        String clusterNodeA = System.getProperty("hookline.cluster.a.url");
        if (clusterNodeA != null) {
            return clusterNodeA;
        }
        return "http://localhost:" + Integer.getInteger("hookline.http.port", 8080) + "/";
    }

    /** The server's own TLS listener (a self-signed certificate on both servers), without a trailing slash. */
    public static String tlsBaseUrl() {
        return "https://localhost:" + Integer.getInteger("hookline.https.port", isWildFly() ? 8443 : 8181);
    }

    /** Payara's admin port or WildFly's management port. */
    public static int managementPort() {
        return Integer.getInteger("hookline.management.port", isWildFly() ? 9990 : 4848);
    }

    /** Every file of the server's main log (the current one and any rotated ones), oldest name first. */
    public static List<Path> logFiles() {
        Path dir = isWildFly()
                ? Path.of(System.getProperty("jboss.home"), "standalone", "log")
                : Path.of(System.getProperty("payara.home"), "glassfish", "domains", "domain1", "logs");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("server.log"))
                    .sorted()
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
