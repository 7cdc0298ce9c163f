package io.hookline.run;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * What a run profile did to its server so far, kept beside it ({@code target/payara-run/hookline-run.properties},
 * {@code target/wildfly-run/…}): which database it was configured for (configuration happens once), which tuning
 * script tuned it, and which port offset it was started with (a second run must talk to the server on the ports it
 * really has).
 */
final class RunState {

    private static final String DATABASE = "configured.database";
    private static final String PORT_OFFSET = "port.offset";
    private static final String TUNED = "tuned.by";

    private final Path file;
    private final Properties properties = new Properties();

    private RunState(Path file) {
        this.file = file;
    }

    static RunState in(Path runDir) throws IOException {
        RunState state = new RunState(runDir.resolve("hookline-run.properties"));
        if (Files.exists(state.file)) {
            try (Reader in = Files.newBufferedReader(state.file, StandardCharsets.UTF_8)) {
                state.properties.load(in);
            }
        }
        return state;
    }

    Optional<String> configuredDatabase() {
        return Optional.ofNullable(properties.getProperty(DATABASE));
    }

    /** Configuration is done once; a run that asks for another database than the first would silently get the old one. */
    void requireSameDatabase(RunDatabase wanted, String startOver) {
        configuredDatabase()
                .filter(configured -> !configured.equals(wanted.identity()))
                .ifPresent(configured -> {
                    throw new IllegalStateException("This server was configured for " + configured + ", not for "
                            + wanted.identity() + ". Configuration happens once: " + startOver);
                });
    }

    void configured(RunDatabase database) throws IOException {
        properties.setProperty(DATABASE, database.identity());
        save();
    }

    /**
     * Whether the server was tuned by this very tuning script (deploy/…/tune.sh, by its SHA-256): a server
     * prepared before the script existed, or by an older version of it, is tuned again at its next start.
     */
    boolean tunedBy(String scriptSha256) {
        return scriptSha256.equals(properties.getProperty(TUNED));
    }

    void tuned(String scriptSha256) throws IOException {
        properties.setProperty(TUNED, scriptSha256);
        save();
    }

    OptionalInt portOffset() {
        String value = properties.getProperty(PORT_OFFSET);
        return value == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value));
    }

    /** A running server keeps its ports: redeploying on other ones would miss it (or hit someone else's). */
    void requireSameOffset(int wanted, String stopCommand) {
        portOffset().ifPresent(running -> {
            if (running != wanted) {
                throw new IllegalStateException("The server runs with -Dport.offset=" + running + ", not " + wanted
                        + ": run again with -Dport.offset=" + running + ", or stop it first (" + stopCommand + ")");
            }
        });
    }

    void portOffset(int offset) throws IOException {
        properties.setProperty(PORT_OFFSET, Integer.toString(offset));
        save();
    }

    private void save() throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "What mvn -Prun / -Prun-wildfly did to this server");
        }
    }
}
