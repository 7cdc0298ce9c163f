package io.hookline.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20, health probes: MicroProfile Health's liveness and readiness on the application's HTTP port, answered by
 * Hookline itself on Payara and WildFly alike (the outage run, {@code it.outage.DatabaseOutageIT}, checks the 503).
 */
@ExtendWith(ArquillianExtension.class)
class HealthProbesIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private final HooklineClient anonymous = ApiFixtures.anonymous();

    /** The answer's checks by name, each its status; after asserting the answer's status and JSON type. */
    private Map<String, String> checks(String path, int status, String overall) {
        HttpResponse<String> answer = anonymous.get(path);
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(
                answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                answer.headers().toString());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""), "never cached");
        JsonObject body = HooklineClient.json(answer);
        assertEquals(overall, body.getString("status"), answer.body());
        Map<String, String> checks = new TreeMap<>();
        for (JsonValue check : body.getJsonArray("checks")) {
            checks.put(
                    check.asJsonObject().getString("name"), check.asJsonObject().getString("status"));
        }
        return checks;
    }

    @Test
    void livenessIsUpWithTheWriterThreads() {
        assertEquals(Map.of("post-writer-threads", "UP"), checks("/health/live", 200, "UP"));
    }

    @Test
    void readinessIsUpWithTheDatabaseTheWriterQueueAndTheSchema() {
        assertEquals(
                Map.of("database", "UP", "post-writer-queue", "UP", "schema", "UP"),
                checks("/health/ready", 200, "UP"));
        JsonObject schema = HooklineClient.json(anonymous.get("/health/ready")).getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("schema"))
                .findFirst()
                .orElseThrow();
        assertTrue(Integer.parseInt(schema.getJsonObject("data").getString("version")) >= 1, schema.toString());
    }

    @Test
    void healthListsEveryCheckAndStartedHasNone() {
        assertEquals(
                List.of("database", "post-writer-queue", "post-writer-threads", "schema"),
                List.copyOf(checks("/health", 200, "UP").keySet()));
        assertEquals(Map.of(), checks("/health/started", 200, "UP"));
    }

    @Test
    void anUnknownProbeIsNotFound() {
        assertEquals(404, anonymous.get("/health/nope").statusCode());
    }

    @Test
    void pingIgnoresATokenThatComesAlong() {
        HttpResponse<String> ping = ApiFixtures.anonymous()
                .withToken("notavalidtoken00000000000000")
                .get("/api/v4/system/ping");
        assertEquals(200, ping.statusCode(), ping.body());
        assertEquals("{\"status\":\"OK\",\"database_status\":\"OK\"}", ping.body());
    }

    /**
     * GET and HEAD of the ping are answered in front of JAX-RS (PingShortcut), every other method behind it: both
     * must keep the answers the JAX-RS resource gave (issue 20), headers included.
     */
    @Test
    void pingAnswersEveryMethodAsBefore() {
        HttpResponse<String> get = anonymous.get("/api/v4/system/ping?use_rest_semantics=true");
        assertEquals(200, get.statusCode(), get.body());
        assertEquals("{\"status\":\"OK\",\"database_status\":\"OK\"}", get.body());
        assertEquals(
                "application/json", get.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", get.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(
                "nosniff", get.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(get.headers().firstValue("Retry-After").isEmpty(), "Retry-After on a healthy ping");

        HttpResponse<String> head = anonymous.send("HEAD", "/api/v4/system/ping", null, null);
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals("38", head.headers().firstValue("Content-Length").orElse(""));
        assertEquals(
                "application/json", head.headers().firstValue("Content-Type").orElse(""));

        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> refused = anonymous.send(method, "/api/v4/system/ping", null, null);
            assertEquals(405, refused.statusCode(), method + " " + refused.body());
            assertEquals(
                    "api.context.method_not_allowed.app_error",
                    HooklineClient.json(refused).getString("id"),
                    method);
        }
    }
}
