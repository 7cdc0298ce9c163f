package io.hookline.run;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code mvn -Prun-cluster package} and the start of {@code mvn verify -Pcluster}: two Payara domains from one
 * Payara unpacked under {@code target/}, both on the same PostgreSQL database and schema, their data grids joined
 * into one ({@link PayaraCluster}), both running the same EAR: node A at http://localhost:8080/, node B at
 * http://localhost:8081/ (every port of B is A's plus one; {@code -Dport.offset} moves both).
 *
 * <p>With {@code start=together} (the default, {@code -Dcluster.start}), stopped nodes are started <em>at the same
 * time</em> and the EAR is deployed to both at the same time, as operators do after a release; on an empty schema
 * both nodes then run the migrations and the first-start setup at once, which is what the cluster tests check.
 * With {@code start=one-by-one}, A is started, deployed and answering before B is touched (a rolling start or
 * redeploy). Nodes already running are redeployed to (run mode), or stopped and started afresh (test mode: every
 * test run starts from new domains on the schema the profile just reset).
 * If the start or the deployment fails, the nodes this run started are stopped again before it fails.
 *
 * <p>Arguments ({@code name=value}): home (…/payara6), runDir, ear, setup (deploy/payara/setup.sh), pgDriver,
 * portOffset, mode ({@code run} or {@code test}), start ({@code together} or {@code one-by-one}), the pg.* settings ({@link RunDatabase}; always PostgreSQL: two
 * nodes cannot share an embedded H2 file) and any {@code env.NAME=value}, added to the servers' environment (the
 * test profile's HOOKLINE_ADMIN_*; the run profile's servers inherit Maven's environment instead). Writes
 * {@code runDir/cluster-test.properties}, the nodes' addresses for the tests (failsafe's systemPropertiesFile).
 */
public final class StartRunCluster {

    /** Two servers loading Hookline at once on two cores take longer than one. */
    static final Duration LOAD_LIMIT = Duration.ofSeconds(240);

    private StartRunCluster() {}

    /** Each message says how far into the build it is ({@link RunProgress}), so a slow phase shows in the log. */
    private static void say(String message) {
        RunProgress.say(message);
    }

    public static void main(String[] args) throws Exception {
        RunArgs arguments = RunArgs.parse(args);
        Path payara = arguments.path("home");
        Path runDir = arguments.path("runDir");
        Path ear = arguments.path("ear");
        Path setup = arguments.path("setup");
        int offset = arguments.integer("portOffset");
        boolean test = switch (arguments.get("mode")) {
            case "test" -> true;
            case "run" -> false;
            default -> throw new IllegalArgumentException("mode must be run or test, not " + arguments.get("mode"));
        };
        boolean together = switch (arguments.get("start")) {
            case "together" -> true;
            case "one-by-one" -> false;
            default ->
                throw new IllegalArgumentException(
                        "start must be together or one-by-one, not " + arguments.get("start"));
        };
        Map<String, String> env = arguments.prefixed("env.");
        RunDatabase database = new RunDatabase(
                true,
                arguments.get("pg.host"),
                arguments.get("pg.port"),
                arguments.get("pg.database"),
                arguments.get("pg.user"),
                arguments.get("pg.password"),
                arguments.get("pg.schema"));
        if (!database.schema().matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Refusing unusual schema name: " + database.schema());
        }
        PayaraCluster cluster = new PayaraCluster(payara, offset);
        List<String> stops = cluster.nodes().stream().map(cluster::stopCommand).toList();
        RunState state = RunState.in(runDir);
        database.ensureSchema();

        Set<ClusterNode> found = cluster.running();
        if (test && !found.isEmpty()) {
            say("Stopping the nodes an earlier test run left running: " + names(found));
            cluster.stopRunning();
            found = Set.of();
        }
        Set<ClusterNode> running = found;
        if (!running.isEmpty()) {
            state.requireSameOffset(offset, String.join(" ; ", stops));
        }
        List<ClusterNode> toStart =
                cluster.nodes().stream().filter(node -> !running.contains(node)).toList();
        List<ClusterNode> started = new ArrayList<>();
        try {
            if (!toStart.isEmpty()) {
                String key = PayaraCluster.templateKey(database, setup);
                boolean newTemplate = !cluster.templateMatches(key);
                List<Integer> ports = new ArrayList<>();
                toStart.forEach(node -> ports.addAll(node.ports()));
                // A new template is configured on node A's ports: only while A is stopped too.
                if (newTemplate && !running.isEmpty()) {
                    throw new IllegalStateException("The nodes' configuration changed (database or setup.sh) while "
                            + names(running) + " runs: stop it first (" + String.join(" ; ", stops) + ")");
                }
                RunHttp.requireFree(ports, "choose another -Dport.offset");
                if (newTemplate) {
                    Path properties = runDir.resolve("postgres.properties");
                    database.writeProperties(properties, arguments.path("pgDriver"));
                    RunProgress.step(
                            "Configuring the nodes' template domain " + PayaraCluster.TEMPLATE + " (once)",
                            () -> cluster.buildTemplate(key, setup, properties));
                }
                for (ClusterNode node : toStart) {
                    cluster.freshNode(node);
                }
                state.portOffset(offset);
            } else {
                say("Both nodes are already running: redeploying into them");
            }
            if (together) {
                if (!toStart.isEmpty()) {
                    started.addAll(toStart);
                    RunProgress.step(
                            "Starting " + names(toStart) + " at the same time", () -> cluster.start(toStart, env));
                }
                awaitEarlierDeployments(cluster, running);
                RunProgress.step(
                        "Deploying " + ear.getFileName() + " to " + names(cluster.nodes()) + " at the same time",
                        () -> cluster.deploy(cluster.nodes(), ear));
                PayaraCluster.inParallel(cluster.nodes(), node -> {
                    RunHttp.awaitPing(node.url(), LOAD_LIMIT); // prints the answer itself
                    return "";
                });
            } else {
                // A rolling start (or redeploy): each node serves before the next one is touched.
                for (ClusterNode node : cluster.nodes()) {
                    if (toStart.contains(node)) {
                        started.add(node);
                        RunProgress.step("Starting " + node.domain(), () -> cluster.start(List.of(node), env));
                    }
                    awaitEarlierDeployments(cluster, running.contains(node) ? Set.of(node) : Set.of());
                    RunProgress.step(
                            "Deploying " + ear.getFileName() + " to " + node.domain(),
                            () -> cluster.deploy(List.of(node), ear));
                    RunHttp.awaitPing(node.url(), LOAD_LIMIT);
                }
            }
        } catch (Exception | Error failure) {
            for (ClusterNode node : started) {
                System.err.println("---- " + cluster.serverLog(node) + ", last lines but stack frames:\n"
                        + cluster.logTail(node, 40));
            }
            if (!started.isEmpty()) {
                System.err.println("Stopping the nodes this run started: " + names(started));
                try {
                    PayaraCluster.inParallel(
                            started,
                            node -> RunCommands.capture(
                                    List.of(
                                            cluster.asadmin(),
                                            "stop-domain",
                                            "--domaindir",
                                            cluster.domainDir().toString(),
                                            node.domain()),
                                    Map.of()));
                } catch (Exception stopFailed) {
                    failure.addSuppressed(stopFailed);
                }
            }
            throw failure;
        }
        writeTestProperties(runDir.resolve("cluster-test.properties"), cluster);
        say("Both nodes serve Hookline");
        RunReport.print(
                "a two-node Payara Server cluster (one data grid: " + PayaraCluster.GRID_NAME + ")",
                cluster.nodes().stream().map(ClusterNode::url).toList(),
                ear,
                database.describe("") + " (both nodes)",
                stops,
                cluster.nodes().stream().map(cluster::serverLog).toList());
    }

    /**
     * A node that was started with Hookline deployed may still be loading it, and a redeploy at that moment fails
     * inside Payara (see StartRunDomain): wait until it answers, or give up and redeploy anyway.
     */
    private static void awaitEarlierDeployments(PayaraCluster cluster, Set<ClusterNode> running)
            throws InterruptedException {
        for (ClusterNode node : cluster.nodes()) {
            if (!running.contains(node) || !cluster.hasApplication(node)) {
                continue;
            }
            try {
                RunHttp.await(
                        URI.create(node.url() + "signin.xhtml"),
                        status -> status != 404 && status < 500,
                        StartRunDomain.LOAD_LIMIT,
                        () -> true,
                        "the Hookline deployed earlier on " + node.domain());
            } catch (IllegalStateException broken) {
                System.err.println(broken.getMessage() + "; redeploying anyway");
            }
        }
    }

    /** What the cluster tests need to reach, stop and start the nodes (ClusterNodes reads it). */
    private static void writeTestProperties(Path file, PayaraCluster cluster) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("hookline.cluster.asadmin", cluster.asadmin());
        properties.setProperty("hookline.cluster.domaindir", cluster.domainDir().toString());
        properties.setProperty("hookline.cluster.grid.name", PayaraCluster.GRID_NAME);
        for (ClusterNode node : cluster.nodes()) {
            String prefix = "hookline.cluster." + node.letter() + ".";
            properties.setProperty(prefix + "url", node.url());
            properties.setProperty(prefix + "domain", node.domain());
            properties.setProperty(prefix + "admin.port", Integer.toString(node.adminPort()));
            properties.setProperty(prefix + "grid.port", Integer.toString(node.gridPort()));
        }
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "The cluster StartRunCluster started, for io.hookline.it.cluster.ClusterNodes");
        }
    }

    private static String names(Collection<ClusterNode> nodes) {
        return nodes.stream().map(ClusterNode::domain).sorted().collect(Collectors.joining(" and "));
    }
}
