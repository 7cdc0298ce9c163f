package io.hookline.run;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code mvn -Prun-wildfly package}: WildFly unpacked under {@code target/wildfly-run}, configured once by
 * deploy/wildfly/setup.sh (the script the README gives admins: EclipseLink module, Hookline's H2 file as the
 * default data source, or PostgreSQL with {@code -Dpg.*}), tuned for a small machine by deploy/wildfly/tune.sh
 * (request threads, pool, heap; again whenever that script changes), started in the background unless it runs (with
 * {@code -Djboss.socket.binding.port-offset}, which moves every port of its socket-binding group), Hookline
 * deployed with jboss-cli's {@code deploy --force}, and the address, the EAR's checksum and the stop command
 * printed. Run again, it redeploys into the running server.
 *
 * <p>The server is started with {@code nohup} (and {@code setsid} where there is one) and its own output file,
 * so it outlives Maven and a Ctrl-C in Maven's terminal; it inherits this JVM's environment, so
 * {@code HOOKLINE_ADMIN_USERNAME}/{@code _PASSWORD} reach Hookline. Its pid file (standalone.sh's
 * {@code JBOSS_PIDFILE}) says whether it runs.
 *
 * <p>Arguments ({@code name=value}): home (…/wildfly-39.0.1.Final), runDir, ear, setup (deploy/wildfly/setup.sh),
 * tune (deploy/wildfly/tune.sh),
 * eclipselink (the EclipseLink jar), pgDriver, portOffset and the pg.* settings ({@link RunDatabase}).
 */
public final class StartRunWildFly {

    static final int HTTP = 8080;
    static final int HTTPS = 8443;
    static final int MANAGEMENT = 9990;
    /** The rest of standalone.xml's socket-binding group: AJP, management over TLS, the transaction manager. */
    static final List<Integer> OTHER_PORTS = List.of(8009, 9993, 4712, 4713);

    static final Duration BOOT_LIMIT = Duration.ofSeconds(180);
    static final Duration DEPLOY_LIMIT = Duration.ofSeconds(120);

    private StartRunWildFly() {}

    public static void main(String[] args) throws Exception {
        RunArgs arguments = RunArgs.parse(args);
        Path wildfly = arguments.path("home");
        Path runDir = arguments.path("runDir");
        Path ear = arguments.path("ear");
        int offset = arguments.integer("portOffset");
        RunDatabase database = RunDatabase.fromCommandLine(arguments);
        String cli = wildfly.resolve("bin/jboss-cli.sh").toString();
        String controller = "--controller=localhost:" + (MANAGEMENT + offset);
        String stop = cli + " --connect " + controller + " --command=:shutdown";
        String url = "http://localhost:" + (HTTP + offset) + "/";
        Path pidFile = runDir.resolve("wildfly.pid");
        Path tune = arguments.path("tune");
        String tuning = RunReport.sha256(tune);
        Path log = wildfly.resolve("standalone/log/server.log");
        RunProgress.say("WildFly in " + wildfly + " (server log: " + log + ")");

        RunState state = RunState.in(runDir);
        state.requireSameDatabase(database, "stop the server (" + stop + "), delete " + runDir + " and run again");
        database.ensureSchema();

        if (running(pidFile).isPresent()) {
            state.requireSameOffset(offset, stop);
            RunProgress.say(
                    "WildFly is already running (pid " + running(pidFile).get().pid() + "): redeploying into it");
        } else {
            if (state.configuredDatabase().isEmpty()) {
                configure(wildfly, runDir, arguments, database);
                state.configured(database);
            }
            if (!state.tunedBy(tuning)) {
                // On the stopped server (embedded CLI), again whenever the script changes.
                RunCommands.show(List.of("bash", tune.toString(), wildfly.toString()), Map.of());
                state.tuned(tuning);
            }
            List<Integer> ports = new ArrayList<>(List.of(HTTP, HTTPS, MANAGEMENT));
            ports.addAll(OTHER_PORTS);
            RunHttp.requireFree(ports.stream().map(port -> port + offset).toList(), "choose another -Dport.offset");
            Process server = start(wildfly, runDir, pidFile, offset);
            state.portOffset(offset);
            // Base health (no authentication, on the management port): ready once booted and every deployment is up.
            try {
                RunHttp.await(
                        URI.create("http://localhost:" + (MANAGEMENT + offset) + "/health/ready"),
                        status -> status == 200,
                        BOOT_LIMIT,
                        server::isAlive,
                        "WildFly");
            } catch (IllegalStateException notReady) {
                throw new IllegalStateException(
                        notReady.getMessage() + ". See " + log + (server.isAlive() ? "; stop it with " + stop : ""),
                        notReady);
            }
        }
        RunCommands.show(List.of(cli, "--connect", controller, "--command=deploy --force " + ear), Map.of());
        RunHttp.awaitPing(url, DEPLOY_LIMIT);
        RunReport.print(
                "WildFly", url, ear, database.describe("H2 (an embedded file in WildFly's data directory)"), stop, log);
    }

    /** Once per unpacked server (setup.sh adds resources and stops at the first that exists). */
    private static void configure(Path wildfly, Path runDir, RunArgs arguments, RunDatabase database) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "bash",
                arguments.path("setup").toString(),
                wildfly.toString(),
                arguments.path("eclipselink").toString()));
        if (database.postgres()) {
            Path properties = runDir.resolve("postgres.properties");
            database.writeProperties(properties, arguments.path("pgDriver"));
            command.add(properties.toString());
        }
        RunCommands.show(command, Map.of());
    }

    /** The launched standalone.sh, which lives as long as the server. */
    private static Process start(Path wildfly, Path runDir, Path pidFile, int offset) throws IOException {
        Path console = runDir.resolve("wildfly-console.log");
        List<String> command = new ArrayList<>();
        // A session of its own: a Ctrl-C in the terminal Maven ran in must not reach the server (--wait: should
        // setsid have to fork, it stays until the server ends, so the process handle still tells whether it runs).
        Optional.of(Path.of("/usr/bin/setsid"))
                .filter(Files::isExecutable)
                .ifPresent(setsid -> command.addAll(List.of(setsid.toString(), "--wait")));
        command.addAll(List.of(
                "nohup",
                wildfly.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + offset));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(console.toFile());
        // standalone.sh writes the server's pid there (and removes it on shutdown) when it runs Java in the background.
        builder.environment().put("JBOSS_PIDFILE", pidFile.toString());
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        Files.deleteIfExists(pidFile);
        Process server = builder.start();
        RunProgress.say("Starting WildFly (port offset " + offset + "), console output in " + console);
        return server;
    }

    /** The server process, while its pid file names a live one. */
    private static Optional<ProcessHandle> running(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String pid = Files.readString(pidFile, StandardCharsets.UTF_8).trim();
            return pid.isEmpty()
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }
}
