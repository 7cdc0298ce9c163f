package io.hookline.it;

import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hookline.it.ApiFixtures.TestUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's section "Beyond Mattermost", run as written: every {@code bash} block of the section, in order, in
 * one bash process (so a variable one example sets is there for the next), with {@code HOOKLINE}, {@code TOKEN},
 * {@code HOOK_ID} and {@code HOOK} set as the section's first paragraph says. A {@code text} block right after a
 * {@code bash} block is what that example prints; {@code …} in it stands for any text (ids, times).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReadmeExamplesIT {

    static final String SECTION = "## Beyond Mattermost";
    /** The section has at least one example for each feature it describes; fewer means the parse went wrong. */
    static final int MIN_EXAMPLES = 1;

    private static final String MARK = "@@example ";
    private static final long TIMEOUT_SECONDS = 120;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    /** One {@code bash} block and, if the README says, what it prints. */
    record Example(String script, String expected) {}

    @Test
    void everyExampleOfBeyondMattermostRunsAndPrintsWhatTheReadmeSays() throws Exception {
        if (!installed("curl") || !installed("bash")) {
            String why = "curl or bash not found: skipping the README's curl examples (.ci/run installs curl)";
            System.out.println(why);
            Assumptions.assumeTrue(false, why);
        }
        List<Example> examples = examples(readme());
        assertTrue(examples.size() >= MIN_EXAMPLES, "examples found under " + SECTION + ": " + examples.size());

        HooklineClient admin = ApiFixtures.admin();
        TestUser owner = newUser(admin, "readme");
        String teamId = createTeam(owner.client()).getString("id");
        String channelId = createChannel(owner.client(), teamId, "O").getString("id");
        String hookId = createHook(owner.client(), channelId).getString("id");
        String base = TestServer.baseUrl().replaceAll("/+$", "");

        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        for (int i = 0; i < examples.size(); i++) {
            script.append("echo '")
                    .append(MARK)
                    .append(i)
                    .append("'\n")
                    .append(examples.get(i).script())
                    .append('\n');
        }
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(false);
        bash.environment()
                .putAll(Map.of(
                        "HOOKLINE",
                        base,
                        "TOKEN",
                        owner.client().token(),
                        "HOOK_ID",
                        hookId,
                        "HOOK",
                        base + "/hooks/" + hookId));
        Process run = bash.start();
        run.getOutputStream().close();
        byte[] out = run.getInputStream().readAllBytes();
        byte[] err = run.getErrorStream().readAllBytes();
        assertTrue(run.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the examples did not finish");
        String stdout = new String(out, StandardCharsets.UTF_8);
        assertEquals(
                0,
                run.exitValue(),
                "an example failed\nstdout:\n" + stdout + "\nstderr:\n" + new String(err, StandardCharsets.UTF_8));

        List<String> printed = split(stdout, examples.size());
        for (int i = 0; i < examples.size(); i++) {
            Example example = examples.get(i);
            if (example.expected() != null && !matches(example.expected(), printed.get(i))) {
                fail("example " + (i + 1) + " printed something else than the README says\n--- example\n"
                        + example.script() + "\n--- README says\n" + example.expected() + "\n--- printed\n"
                        + printed.get(i));
            }
        }
        System.out.printf(
                "README %s: %d examples ran, %d outputs compared%n",
                SECTION,
                examples.size(),
                examples.stream().filter(e -> e.expected() != null).count());
    }

    static String readme() throws IOException {
        // Failsafe runs in the module directory; the README is the project's, one level up.
        Path module = Path.of(System.getProperty("basedir", "."));
        return Files.readString(module.resolveSibling("README.md").normalize(), StandardCharsets.UTF_8);
    }

    /** The fenced blocks of the section, in order: bash blocks, each with the text block that follows it. */
    static List<Example> examples(String readme) {
        int start = readme.indexOf("\n" + SECTION + "\n");
        if (start < 0) {
            throw new AssertionError("README has no section " + SECTION);
        }
        int end = readme.indexOf("\n## ", start + SECTION.length() + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Matcher fence =
                Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```$", Pattern.DOTALL).matcher(section);
        List<Example> examples = new ArrayList<>();
        while (fence.find()) {
            String language = fence.group(1);
            String body = fence.group(2);
            if (language.equals("bash")) {
                examples.add(new Example(body.strip(), null));
            } else if (language.equals("text")
                    && !examples.isEmpty()
                    && examples.get(examples.size() - 1).expected() == null) {
                Example last = examples.remove(examples.size() - 1);
                examples.add(new Example(last.script(), body.strip()));
            }
        }
        return examples;
    }

    /** {@code …} matches any text; everything else literally; surrounding white space ignored. */
    static boolean matches(String expected, String printed) {
        StringBuilder regex = new StringBuilder();
        for (String literal : expected.split("…", -1)) {
            if (regex.length() > 0) {
                regex.append(".*?");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL)
                .matcher(printed.strip())
                .matches();
    }

    private static List<String> split(String stdout, int count) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String mark = MARK + i + "\n";
            int from = stdout.indexOf(mark);
            int to = i + 1 < count ? stdout.indexOf(MARK + (i + 1) + "\n") : stdout.length();
            parts.add(from < 0 || to < 0 ? "" : stdout.substring(from + mark.length(), to));
        }
        return parts;
    }

    private static boolean installed(String command) {
        try {
            Process probe = new ProcessBuilder(command, "--version")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
