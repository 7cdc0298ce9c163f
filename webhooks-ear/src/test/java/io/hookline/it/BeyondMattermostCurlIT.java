package io.hookline.it;

import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.newestPost;
import static io.hookline.it.ApiFixtures.postCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's "Beyond Mattermost" curl examples for {@code ?wait=true}, {@code thread_ts},
 * {@code ?dry_run=true} and JSON sent as a form, run verbatim with {@code sh} against the server, {@code HOOK} set
 * to a fresh hook's URL. The text comes from README.md once the section is there, else from the branch's
 * {@code notes/wait.md} that proposes it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BeyondMattermostCurlIT {

    private static final String SECTION = "## Beyond Mattermost";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @Test
    void theExamplesDoWhatTheTextSays() throws Exception {
        Map<String, List<String>> examples = examples();
        TestUser owner = newUser(ApiFixtures.admin(), "readme");
        String teamId = createTeam(owner.client()).getString("id");
        String channelId = createChannel(owner.client(), teamId, "O").getString("id");
        String hook = TestServer.baseUrl().replaceAll("/$", "") + "/hooks/"
                + createHook(owner.client(), channelId).getString("id");

        JsonObject posted = json(run(only(examples, "?wait=true"), hook));
        assertTrue(posted.getString("ts").matches("[0-9]+\\.[0-9]{6}"), posted.toString());
        assertEquals("build #42 running", posted.getString("message"));

        assertEquals("ok", run(only(examples, "thread_ts"), hook));
        JsonObject reply = newestPost(owner.client(), channelId);
        assertEquals("deploy finished", reply.getString("message"));
        assertFalse(reply.getString("root_id").isEmpty(), "threaded: " + reply);
        int before = postCount(owner.client(), channelId);

        JsonObject dry = json(run(only(examples, "dry_run"), hook));
        assertTrue(dry.getBoolean("dry_run"));
        assertEquals("| a | b |\n|---|---|\n| 1 | 2 |", dry.getJsonArray("posts").getJsonObject(0).getString("message"));
        assertEquals(before, postCount(owner.client(), channelId));

        assertEquals("ok", run(only(examples, "form"), hook));
        assertEquals("hi from curl -d", newestPost(owner.client(), channelId).getString("message"));
    }

    /** The one example under the subsection whose heading contains {@code heading}. */
    private static String only(Map<String, List<String>> examples, String heading) {
        List<String> found = examples.entrySet().stream().filter(e -> e.getKey().contains(heading))
                .flatMap(e -> e.getValue().stream()).toList();
        assertEquals(1, found.size(), "one sh example under a heading with " + heading + ": " + examples.keySet());
        return found.get(0);
    }

    private static String run(String script, String hook) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true);
        builder.environment().put("HOOK", hook);
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the example ran too long: " + script);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.exitValue(), script + "\n" + output);
        return output;
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The {@code sh} blocks of the section, by the {@code ###} heading they follow. */
    static Map<String, List<String>> examples() throws IOException {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path readme = module.resolve("../README.md").normalize();
        String text = Files.readString(readme);
        if (!text.contains("\n" + SECTION + "\n")) {
            text = Files.readString(module.resolve("../notes/wait.md").normalize());
        }
        String section = text.substring(text.indexOf("\n" + SECTION + "\n") + 1);
        int next = section.indexOf("\n## ", SECTION.length());
        section = next < 0 ? section : section.substring(0, next);
        Map<String, List<String>> examples = new LinkedHashMap<>();
        String heading = "";
        boolean inSh = false;
        StringBuilder block = new StringBuilder();
        for (String line : section.split("\n", -1)) {
            if (!inSh && line.startsWith("### ")) {
                heading = line;
            } else if (!inSh && line.equals("```sh")) {
                inSh = true;
                block.setLength(0);
            } else if (inSh && line.equals("```")) {
                inSh = false;
                examples.computeIfAbsent(heading, h -> new ArrayList<>()).add(block.toString());
            } else if (inSh) {
                block.append(line).append('\n');
            }
        }
        return examples;
    }
}
