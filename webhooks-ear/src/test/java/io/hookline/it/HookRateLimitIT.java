package io.hookline.it;

import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.config;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.hookJson;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.postCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8's rate limits on {@code POST /hooks/{id}}, set through {@code PUT /api/v4/config/patch}
 * ({@code RateLimitSettings}): a burst of exactly MaxBurst passes, the next request is a 429 with
 * {@code Retry-After} and {@code X-RateLimit-*} headers and Mattermost's error body, and stores nothing.
 * Every test puts the defaults back afterwards: the other integration tests share this server and post
 * hundreds of requests quickly.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HookRateLimitIT {

    private static final String SECTION = "RateLimitSettings";
    /** The defaults (RateLimitSettings.DEFAULTS and the V4 migration), restored after every test. */
    private static final JsonObject DEFAULTS = Json.createObjectBuilder()
            .add("Enable", true)
            .add("PerSec", 1000)
            .add("MaxBurst", 2000)
            .add("VaryByRemoteAddr", true)
            .add("PerHookPerSec", 100)
            .add("PerHookMaxBurst", 500)
            .build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    private TestUser owner;
    private String channelId;
    private String hookA;
    private String hookB;

    @BeforeEach
    void setUp() {
        admin = ApiFixtures.admin();
        owner = newUser(admin, "rate");
        String teamId = createTeam(owner.client()).getString("id");
        channelId = createChannel(owner.client(), teamId, "O").getString("id");
        hookA = createHook(owner.client(), channelId).getString("id");
        hookB = createHook(owner.client(), channelId).getString("id");
        // Warm the hook path up under the default limits, so the timed bursts below are not slowed by a
        // first request; a token comes back only after a whole second at 1/s.
        assertHookOk(hookJson(createHook(owner.client(), channelId).getString("id"), text("warm-up")));
    }

    @AfterEach
    void restoreDefaults() {
        HttpResponse<String> restored = admin.put(
                "/api/v4/config/patch",
                Json.createObjectBuilder().add(SECTION, DEFAULTS).build());
        assertEquals(200, restored.statusCode(), restored.body());
        assertEquals(DEFAULTS, config(admin).getJsonObject(SECTION));
    }

    @Test
    void theDefaultsAreInTheConfigWithMattermostsNames() {
        assertEquals(DEFAULTS, config(admin).getJsonObject(SECTION));
    }

    @Test
    void aBurstOfMaxBurstPassesThenA429StoresNothing() {
        patch(Map.of("PerHookPerSec", 1, "PerHookMaxBurst", 3, "Enable", false));
        int before = postCount(owner.client(), channelId);

        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> ok = hookJson(hookA, text("burst " + i));
            assertHookOk(ok);
            assertEquals("3", header(ok, "X-RateLimit-Limit"));
            assertEquals(Integer.toString(3 - i), header(ok, "X-RateLimit-Remaining"), "after request " + i);
            assertTrue(ok.headers().firstValue("Retry-After").isEmpty(), "Retry-After only on a 429");
        }
        HttpResponse<String> refused = hookJson(hookA, text("one too many"));
        JsonObject error = assertError(429, "too_many_requests", refused);
        assertEquals(429, error.getInt("status_code"));
        assertEquals("3", header(refused, "X-RateLimit-Limit"));
        assertEquals("0", header(refused, "X-RateLimit-Remaining"));
        assertEquals("1", header(refused, "Retry-After"), "a token every second");
        int reset = Integer.parseInt(header(refused, "X-RateLimit-Reset"));
        assertTrue(reset >= 1 && reset <= 3, "full again within 3 s: " + reset);

        assertEquals(before + 3, postCount(owner.client(), channelId), "the refused request stored nothing");
    }

    @Test
    void anotherHookIsUnaffected() {
        patch(Map.of("PerHookPerSec", 1, "PerHookMaxBurst", 3, "Enable", false));
        for (int i = 1; i <= 3; i++) {
            assertHookOk(hookJson(hookA, text("a " + i)));
        }
        assertError(429, "too_many_requests", hookJson(hookA, text("a 4")));
        HttpResponse<String> other = hookJson(hookB, text("b 1"));
        assertHookOk(other);
        assertEquals("2", header(other, "X-RateLimit-Remaining"));
    }

    @Test
    void unknownHookIdsAreLimitedLikeRealOnes() {
        patch(Map.of("PerHookPerSec", 1, "PerHookMaxBurst", 3, "Enable", false));
        String unknown = ApiFixtures.unknownId();
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> notFound = hookJson(unknown, text("x"));
            assertError(404, "no_service", notFound);
            assertEquals(Integer.toString(3 - i), header(notFound, "X-RateLimit-Remaining"));
        }
        HttpResponse<String> refused = hookJson(unknown, text("x"));
        assertError(429, "too_many_requests", refused);
        assertEquals("1", header(refused, "Retry-After"));
    }

    @Test
    void theRefusalComesBeforeTheBodyIsRead() {
        patch(Map.of("PerHookPerSec", 1, "PerHookMaxBurst", 1, "Enable", false));
        assertHookOk(hookJson(hookA, text("one")));
        assertError(429, "too_many_requests", hookJson(hookA, "{ this is not JSON"));
    }

    @Test
    void thePerAddressLimitSpansHooksAndEnableFalseLiftsIt() {
        List<String> hooks = List.of(
                hookA,
                hookB,
                createHook(owner.client(), channelId).getString("id"),
                createHook(owner.client(), channelId).getString("id"));
        patch(Map.of("Enable", true, "VaryByRemoteAddr", true, "PerSec", 1, "MaxBurst", 3));
        int before = postCount(owner.client(), channelId);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> ok = hookJson(hooks.get(i), text("from one address " + i));
            assertHookOk(ok);
            assertEquals("3", header(ok, "X-RateLimit-Limit"), "the address's bucket is the tighter one");
        }
        HttpResponse<String> refused = hookJson(hooks.get(3), text("fourth hook, same address"));
        assertError(429, "too_many_requests", refused);
        assertEquals("3", header(refused, "X-RateLimit-Limit"));
        assertEquals("1", header(refused, "Retry-After"));
        assertEquals(before + 3, postCount(owner.client(), channelId));

        patch(Map.of("Enable", false));
        assertHookOk(hookJson(hooks.get(3), text("Enable false: the next request passes")));

        patch(Map.of("Enable", true, "VaryByRemoteAddr", false));
        assertHookOk(hookJson(hooks.get(3), text("VaryByRemoteAddr false: no per-address limit")));
        assertEquals(before + 5, postCount(owner.client(), channelId));
    }

    @Test
    void aChangeAppliesToTheNextRequest() {
        patch(Map.of("PerHookPerSec", 1, "PerHookMaxBurst", 1, "Enable", false));
        assertHookOk(hookJson(hookA, text("first")));
        assertError(429, "too_many_requests", hookJson(hookA, text("refused")));

        patch(Map.of("PerHookMaxBurst", 5));
        HttpResponse<String> raised = hookJson(hookA, text("after raising the burst"));
        assertHookOk(raised);
        assertEquals("5", header(raised, "X-RateLimit-Limit"));
        assertEquals("4", header(raised, "X-RateLimit-Remaining"));
    }

    @Test
    void wrongTypesAndOutOfRangeValuesAre400AndChangeNothing() {
        JsonObject before = config(admin);
        HttpResponse<String> wrongType =
                patchResponse(Json.createObjectBuilder().add("PerSec", "10"));
        assertTrue(
                assertError(400, wrongType).getString("message").contains("RateLimitSettings.PerSec"),
                wrongType.body());
        HttpResponse<String> notBoolean =
                patchResponse(Json.createObjectBuilder().add("Enable", 1));
        assertTrue(
                assertError(400, notBoolean).getString("message").contains("RateLimitSettings.Enable"),
                notBoolean.body());
        HttpResponse<String> zero = patchResponse(Json.createObjectBuilder().add("PerHookMaxBurst", 0));
        assertTrue(
                assertError(400, zero).getString("message").contains("RateLimitSettings.PerHookMaxBurst"), zero.body());
        assertError(400, patchResponse(Json.createObjectBuilder().add("PerHookPerSec", 100_001)));
        assertEquals(before, config(admin), "unchanged");
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private void patch(Map<String, Object> settings) {
        JsonObjectBuilder section = Json.createObjectBuilder();
        settings.forEach((key, value) -> {
            if (value instanceof Boolean b) {
                section.add(key, b ? JsonValue.TRUE : JsonValue.FALSE);
            } else {
                section.add(key, (Integer) value);
            }
        });
        HttpResponse<String> response = patchResponse(section);
        assertEquals(200, response.statusCode(), response.body());
    }

    private HttpResponse<String> patchResponse(JsonObjectBuilder section) {
        return admin.put(
                "/api/v4/config/patch",
                Json.createObjectBuilder().add(SECTION, section).build());
    }

    private static String text(String text) {
        return Json.createObjectBuilder().add("text", text).build().toString();
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers()
                .firstValue(name)
                .orElseThrow(() -> new AssertionError(
                        name + " missing; headers " + response.headers().map()));
    }
}
