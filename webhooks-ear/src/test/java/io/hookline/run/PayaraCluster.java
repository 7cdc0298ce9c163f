package io.hookline.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Two Payara domains (nodes A and B, {@link ClusterNode}) of one unpacked Payara Server whose data grids form one
 * Hazelcast cluster: each domain is its own domain admin server, and a DAS is a full grid member, so two of them
 * in tcpip mode, each listing both, join (Payara's clustering of instances under one DAS is not needed for that).
 *
 * <p>Configuring a domain takes two server boots (deploy/payara/setup.sh, then the data grid), so it happens once,
 * in a <em>template</em> domain ({@value #TEMPLATE}, never deployed to); every start of a stopped node replaces that
 * node's domain with a fresh copy of the template, with the node's ports ({@link PayaraPorts#shift}) and the grid's
 * member list ({@link PayaraPorts#gridMembers}) written into the copy. So a node never starts with a stale
 * application or an old server.log, and the copy costs milliseconds; its data is in PostgreSQL anyway. The template
 * is rebuilt when what it was built from changes ({@link #templateKey}).
 */
final class PayaraCluster {

    static final String TEMPLATE = "hookline-template";
    /** The data grid's name: a grid of another name (a stock domain's "development") never merges with it. */
    static final String GRID_NAME = "hookline";
    /** Bump when the template's configuration below changes, so existing templates are rebuilt. */
    private static final String TEMPLATE_VERSION = "1";

    private static final String KEY_FILE = "hookline-template.key";

    private final Path payara;
    private final Path domains;
    private final String asadmin;
    private final int offset;
    private final List<ClusterNode> nodes;

    PayaraCluster(Path payara, int offset) {
        this.payara = payara;
        this.domains = payara.resolve("glassfish/domains");
        this.asadmin = payara.resolve("bin/asadmin").toString();
        this.offset = offset;
        this.nodes = ClusterNode.pair(offset);
    }

    List<ClusterNode> nodes() {
        return nodes;
    }

    Path domainDir() {
        return domains;
    }

    String asadmin() {
        return asadmin;
    }

    Path serverLog(ClusterNode node) {
        return domains.resolve(node.domain()).resolve("logs/server.log");
    }

    String stopCommand(ClusterNode node) {
        return asadmin + " stop-domain --domaindir " + domains + " " + node.domain();
    }

    /** The domains {@code asadmin list-domains} reports running, of the two nodes. */
    Set<ClusterNode> running() throws IOException, InterruptedException {
        String listed =
                RunCommands.capture(List.of(asadmin, "list-domains", "--domaindir", domains.toString()), Map.of());
        return nodes.stream()
                .filter(node -> ListedDomains.running(listed, node.domain()))
                .collect(Collectors.toSet());
    }

    /** What the template is built from: the database, the admins' setup script and this class's own settings. */
    static String templateKey(RunDatabase database, Path setupScript) throws IOException {
        return "database=" + database.identity() + " setup.sh=" + RunReport.sha256(setupScript) + " template="
                + TEMPLATE_VERSION;
    }

    boolean templateMatches(String key) throws IOException {
        Path file = domains.resolve(TEMPLATE).resolve(KEY_FILE);
        return Files.exists(file)
                && Files.readString(file, StandardCharsets.UTF_8).equals(key);
    }

    /**
     * A new template from the stock domain1, on node A's ports (checked free by the caller): deploy/payara/setup.sh
     * (no server headers, jdbc/__default on PostgreSQL), then the data grid with asadmin, as an admin would do it
     * on two machines: tcpip discovery of the listed members, on the loopback interface, this grid's name, and no
     * port auto-increment (a member whose port is taken must fail rather than take the other node's port).
     */
    void buildTemplate(String key, Path setupScript, Path pgProperties) throws Exception {
        Path template = domains.resolve(TEMPLATE);
        delete(template);
        copy(domains.resolve("domain1"), template);
        PayaraPorts.shift(template.resolve("config/domain.xml"), offset);
        Map<String, String> admin = Map.of("AS_ADMIN_PORT", Integer.toString(PayaraPorts.ADMIN + offset));
        Map<String, String> setupEnv = new HashMap<>(admin);
        setupEnv.put("DOMAIN", TEMPLATE);
        try {
            RunCommands.show(
                    List.of("bash", setupScript.toString(), payara.toString(), pgProperties.toString()), setupEnv);
        } catch (Exception failed) {
            // setup.sh stops at its first failing step, with the domain it started still running.
            try {
                RunCommands.capture(List.of(asadmin, "stop-domain", TEMPLATE), Map.of());
            } catch (Exception notRunning) {
                failed.addSuppressed(notRunning);
            }
            throw failed;
        }
        RunCommands.show(List.of(asadmin, "start-domain", TEMPLATE), Map.of());
        try {
            RunCommands.show(
                    List.of(
                            asadmin,
                            "set-hazelcast-configuration",
                            "--clustermode",
                            "tcpip",
                            "--tcpipmembers",
                            nodes.stream()
                                    .map(node -> "127.0.0.1:" + node.gridPort())
                                    .collect(Collectors.joining(",")),
                            "--clustername",
                            GRID_NAME,
                            "--interfaces",
                            "127.0.0.1",
                            "--autoincrementport",
                            "false",
                            "--dynamic",
                            "false"),
                    admin);
        } finally {
            RunCommands.show(List.of(asadmin, "stop-domain", TEMPLATE), Map.of());
        }
        Files.writeString(template.resolve(KEY_FILE), key, StandardCharsets.UTF_8);
    }

    /** Replaces a stopped node's domain with a copy of the template, on the node's ports. */
    void freshNode(ClusterNode node) throws Exception {
        Path domain = domains.resolve(node.domain());
        delete(domain);
        copy(domains.resolve(TEMPLATE), domain);
        Path domainXml = domain.resolve("config/domain.xml");
        PayaraPorts.shift(domainXml, node.portOffset());
        PayaraPorts.gridMembers(
                domainXml, nodes.stream().mapToInt(ClusterNode::portOffset).toArray());
    }

    /** Starts the nodes at the same time, each with {@code env} added to the environment its server inherits. */
    void start(List<ClusterNode> which, Map<String, String> env) throws Exception {
        inParallel(
                which,
                node -> RunCommands.capture(
                        List.of(asadmin, "start-domain", "--domaindir", domains.toString(), node.domain()), env));
    }

    /** Deploys the EAR to the nodes at the same time, as an operator's deploy script would after a release. */
    void deploy(List<ClusterNode> which, Path ear) throws Exception {
        inParallel(which, node -> {
            List<String> deploy = List.of(
                    asadmin,
                    "--port",
                    Integer.toString(node.adminPort()),
                    "deploy",
                    "--force=true",
                    "--name=hookline",
                    ear.toString());
            try {
                return RunCommands.capture(deploy, Map.of());
            } catch (IllegalStateException failed) {
                // The pool gives a new PostgreSQL connection 3 s (deploy/payara/setup.sh, for fast failure in an
                // outage); two servers deploying on a busy 2-core machine can exceed that at the first login, and
                // the deployment fails. Once more, then the failure stands: a second timeout is no accident.
                if (!String.valueOf(failed.getMessage()).contains("Connection attempt timed out")) {
                    throw failed;
                }
                System.out.println("[" + node.domain() + "] the first database connection timed out during the "
                        + "deployment (a busy machine?): deploying once more");
                return RunCommands.capture(deploy, Map.of());
            }
        });
    }

    /** Stops every node that runs; a failure to stop one does not keep the other running. */
    void stopRunning() throws Exception {
        List<ClusterNode> running = new ArrayList<>(running());
        inParallel(
                running,
                node -> RunCommands.capture(
                        List.of(asadmin, "stop-domain", "--domaindir", domains.toString(), node.domain()), Map.of()));
    }

    boolean hasApplication(ClusterNode node) {
        return Files.isDirectory(domains.resolve(node.domain()).resolve("applications/hookline"));
    }

    /** The last lines of a node's server.log without stack frames ("\tat …"), for a failure message. */
    String logTail(ClusterNode node, int lines) {
        try {
            List<String> all = Files.readAllLines(serverLog(node), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.startsWith("\tat ") && !line.matches("\\t\\.\\.\\. \\d+ more"))
                    .toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException unreadable) {
            return "(no " + serverLog(node) + ": " + unreadable.getMessage() + ")";
        }
    }

    interface NodeCommand {
        String run(ClusterNode node) throws Exception;
    }

    /**
     * Runs the command for every node on its own thread, prints each node's output as one block, and fails
     * naming every node whose command failed, after all have finished.
     */
    static void inParallel(List<ClusterNode> which, NodeCommand command) throws Exception {
        if (which.isEmpty()) {
            return;
        }
        ExecutorService threads = Executors.newFixedThreadPool(which.size());
        try {
            Map<ClusterNode, Future<String>> results = new LinkedHashMap<>();
            for (ClusterNode node : which) {
                Callable<String> task = () -> command.run(node);
                results.put(node, threads.submit(task));
            }
            List<String> failures = new ArrayList<>();
            for (var result : results.entrySet()) {
                String prefix = "[" + result.getKey().domain() + "] ";
                try {
                    String output = result.getValue().get();
                    System.out.print(
                            output.lines().map(line -> prefix + line + "\n").collect(Collectors.joining()));
                } catch (ExecutionException failed) {
                    Throwable cause = failed.getCause();
                    System.out.println(prefix + cause.getMessage());
                    failures.add(result.getKey().domain() + ": " + cause.getMessage());
                }
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException(String.join("\n", failures));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * A domain directory, less what belongs to the copied domain's own runs: its logs (a node's server.log must
     * be its own, the tests read it), its pid files and the template's key.
     */
    private static void copy(Path from, Path to) throws IOException {
        Set<Path> skipped = Set.of(
                from.resolve("logs"),
                from.resolve("config/pid"),
                from.resolve("config/pid.prev"),
                from.resolve(KEY_FILE));
        try (var paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (skipped.stream().anyMatch(path::startsWith)) {
                    continue;
                }
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException walkFailed) {
            throw walkFailed.getCause();
        }
    }
}
