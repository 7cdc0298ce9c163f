package io.hookline.run;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code mvn -Prun package}: Payara Server unpacked under {@code target/payara-run}, its ports moved by
 * {@code -Dport.offset}, configured once (PostgreSQL with {@code -Dpg.*}, through deploy/payara/setup.sh, the
 * script the README gives admins) and tuned for a small machine (deploy/payara/tune.sh: request threads, JDBC pool,
 * heap; again whenever that script changes), started unless it runs, Hookline deployed, and the address, the EAR's
 * checksum, the server log and the stop command printed. Run again, it redeploys into the running domain:
 * <ul>
 * <li>the domain is started only when {@code asadmin list-domains} says it is not running (Payara's
 * {@code start-domain} on a running domain launches a second server that waits forever for its ports; so does a
 * start whose ports another process holds, hence the check of every port first);</li>
 * <li>when the domain already holds Hookline from an earlier run, {@code start-domain} returns while the
 * application is still loading, and a redeploy at that moment fails inside Payara ("applicationInfo is
 * null"): so this waits until the application answers, at most {@link #LOAD_LIMIT}.</li>
 * </ul>
 * The server inherits this JVM's environment, so {@code HOOKLINE_ADMIN_USERNAME}/{@code _PASSWORD} reach Hookline.
 * Arguments ({@code name=value}): home (…/payara6), runDir, ear, setup (deploy/payara/setup.sh), tune
 * (deploy/payara/tune.sh), pgDriver,
 * portOffset and the pg.* settings ({@link RunDatabase}).
 */
public final class StartRunDomain {

    static final Duration LOAD_LIMIT = Duration.ofSeconds(120);
    static final String DOMAIN = "domain1";

    private StartRunDomain() {}

    public static void main(String[] args) throws Exception {
        RunArgs arguments = RunArgs.parse(args);
        Path payara = arguments.path("home");
        Path runDir = arguments.path("runDir");
        Path ear = arguments.path("ear");
        int offset = arguments.integer("portOffset");
        RunDatabase database = RunDatabase.fromCommandLine(arguments);
        String asadmin = payara.resolve("bin/asadmin").toString();
        String stop = asadmin + " stop-domain " + DOMAIN;
        int adminPort = PayaraPorts.ADMIN + offset;
        String url = "http://localhost:" + (PayaraPorts.HTTP + offset) + "/";
        Map<String, String> adminEnv = Map.of("AS_ADMIN_PORT", Integer.toString(adminPort));

        RunState state = RunState.in(runDir);
        state.requireSameDatabase(database, "stop the domain (" + stop + "), delete " + runDir + " and run again");
        database.ensureSchema();

        Path tune = arguments.path("tune");
        String tuning = RunReport.sha256(tune);
        Path log = payara.resolve("glassfish/domains/" + DOMAIN + "/logs/server.log");
        RunProgress.say("Payara Server in " + payara + " (server log: " + log + ")");

        String domains = RunCommands.capture(List.of(asadmin, "list-domains"), Map.of());
        if (ListedDomains.running(domains, DOMAIN)) {
            state.requireSameOffset(offset, stop);
            RunProgress.say(DOMAIN + " is already running: redeploying into it");
        } else {
            RunHttp.requireFree(PayaraPorts.ports(offset), "choose another -Dport.offset");
            PayaraPorts.shift(payara.resolve("glassfish/domains/" + DOMAIN + "/config/domain.xml"), offset);
            state.portOffset(offset);
            boolean configure = state.configuredDatabase().isEmpty();
            boolean retune = !state.tunedBy(tuning);
            RunCommands.show(List.of(asadmin, "start-domain", DOMAIN), Map.of());
            if (configure || retune) {
                // Both scripts need a running domain and leave it running; one restart then applies the heap and
                // the thread pool (a domain stopped and started by each script would cost two more starts).
                try {
                    if (configure) {
                        configure(payara, runDir, arguments, database, adminEnv);
                        state.configured(database);
                    }
                    if (retune) {
                        RunCommands.show(List.of("bash", tune.toString(), payara.toString()), adminEnv);
                        state.tuned(tuning);
                        RunCommands.show(List.of(asadmin, "restart-domain", DOMAIN), Map.of());
                    }
                } catch (Exception | Error failed) {
                    // A half-prepared domain left running would be taken for a prepared one next time.
                    System.err.println("Preparing the domain failed: stopping it again");
                    RunCommands.capture(List.of(asadmin, "stop-domain", DOMAIN), Map.of());
                    throw failed;
                }
            }
        }
        if (Files.isDirectory(payara.resolve("glassfish/domains/" + DOMAIN + "/applications/hookline"))) {
            // Any answer but "not found" or an error: Faces serves the page (or redirects to the first-run page).
            try {
                RunHttp.await(
                        URI.create(url + "signin.xhtml"),
                        status -> status != 404 && status < 500,
                        LOAD_LIMIT,
                        () -> true,
                        "the Hookline deployed earlier");
            } catch (IllegalStateException broken) {
                // an earlier build that does not load is what the new one may fix
                System.err.println(broken.getMessage() + "; redeploying anyway");
            }
        }
        RunCommands.show(
                List.of(
                        asadmin,
                        "--port",
                        Integer.toString(adminPort),
                        "deploy",
                        "--force=true",
                        "--name=hookline",
                        ear.toString()),
                Map.of());
        RunHttp.awaitPing(url, LOAD_LIMIT);
        RunReport.print(
                "Payara Server",
                url,
                ear,
                database.describe("H2 (Payara's jdbc/__default, an embedded file)"),
                stop,
                log);
    }

    /**
     * Once per unpacked server, by the admins' script (on the running domain, which it leaves running): the
     * listeners' server headers off, and PostgreSQL's pool behind jdbc/__default when -Dpg.* asks for it.
     */
    private static void configure(
            Path payara, Path runDir, RunArgs arguments, RunDatabase database, Map<String, String> adminEnv)
            throws Exception {
        List<String> command =
                new ArrayList<>(List.of("bash", arguments.path("setup").toString(), payara.toString()));
        if (database.postgres()) {
            Path properties = runDir.resolve("postgres.properties");
            database.writeProperties(properties, arguments.path("pgDriver"));
            command.add(properties.toString());
        }
        RunCommands.show(command, adminEnv);
    }
}
