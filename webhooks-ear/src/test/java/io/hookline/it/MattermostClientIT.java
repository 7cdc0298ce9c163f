package io.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Acceptance test with Mattermost's own JavaScript client: {@code src/test/node/client4-smoke.mjs} drives an
 * unchanged {@code Client4} from {@code @mattermost/client} against the deployed Hookline (login, team, private
 * channel, second user and memberships, incoming webhook, a post through /hooks/{id}, reading it back).
 * Skipped when Node.js is not installed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MattermostClientIT {

    private static final String SKIP_MESSAGE = "Node.js not found: skipping the @mattermost/client acceptance test";
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "client4-smoke.mjs");
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @Test
    void client4DrivesTeamsChannelsUsersHooksAndPosts() throws IOException {
        if (!installed(node()) || !installed(npm())) {
            System.out.println(SKIP_MESSAGE);
            Assumptions.assumeTrue(false, SKIP_MESSAGE);
        }

        // Failsafe runs in the module directory and sets basedir to it.
        Path module = Path.of(System.getProperty("basedir", "."));
        Path sources = module.resolve("src/test/node");
        Path work = module.resolve("target/node-client");
        Files.createDirectories(work);
        for (String file : FILES) {
            // Copied next to node_modules so that the script resolves @mattermost/client from there.
            Files.copy(sources.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }

        Result install = run(work, Duration.ofMinutes(5), Map.of(), npm(), "ci", "--no-audit", "--no-fund");
        assertEquals(0, install.exitCode(), "npm ci failed:\n" + install.output());

        String base = TestServer.baseUrl();
        Result smoke = run(
                work,
                Duration.ofMinutes(3),
                Map.of(
                        "HOOKLINE_URL", base.endsWith("/") ? base.substring(0, base.length() - 1) : base,
                        "HOOKLINE_ADMIN_USERNAME", HooklineClient.adminUsername(),
                        "HOOKLINE_ADMIN_PASSWORD", HooklineClient.adminPassword()),
                node(),
                "client4-smoke.mjs");
        assertEquals(0, smoke.exitCode(), "client4-smoke.mjs failed:\n" + smoke.output());
    }

    private static String node() {
        return WINDOWS ? "node.exe" : "node";
    }

    private static String npm() {
        return WINDOWS ? "npm.cmd" : "npm";
    }

    /** Whether {@code command --version} runs and succeeds, i.e. the command is on the PATH. */
    private static boolean installed(String command) {
        try {
            return run(Path.of("."), Duration.ofSeconds(30), Map.of(), command, "--version")
                            .exitCode()
                    == 0;
        } catch (IOException notFound) {
            return false;
        }
    }

    private record Result(int exitCode, String output) {}

    /**
     * Runs a command, echoing its output (stderr merged) to System.out as it comes; past the timeout the process
     * and its children (npm spawns some) are killed and the test fails with what they printed.
     */
    private static Result run(Path directory, Duration timeout, Map<String, String> environment, String... command)
            throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();

        StringBuffer output = new StringBuffer();
        Thread pump = new Thread(
                () -> {
                    try (BufferedReader reader = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            System.out.println(line);
                            output.append(line).append('\n');
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                "output of " + command[0]);
        pump.setDaemon(true);
        pump.start();

        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                pump.join(TimeUnit.SECONDS.toMillis(5));
                fail(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s:\n" + output);
            }
            pump.join(TimeUnit.SECONDS.toMillis(10)); // the rest of the output after the exit
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            fail("interrupted while running " + String.join(" ", command));
        }
        return new Result(process.exitValue(), output.toString());
    }
}
