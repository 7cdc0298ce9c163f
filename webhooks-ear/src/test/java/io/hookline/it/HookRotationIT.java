package io.hookline.it;

import static io.hookline.it.ApiFixtures.addTeamMember;
import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.assertId;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.hookJson;
import static io.hookline.it.ApiFixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18, point 5, black box: {@code POST /api/v4/hooks/incoming/{hook_id}/rotate} gives a hook a new URL while
 * the old one keeps posting for {@code grace_seconds} (default a day, 0 to 30 days), and exactly until then; the
 * delivery log marks requests through the old URL and {@code GET .../previous} lists their senders;
 * {@code DELETE .../previous} revokes the old URL at once, as {@code regen_token} does with both; every change is
 * audited; only the hook's creator and system admins may do any of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HookRotationIT {

    private static final String HOOKS = "/api/v4/hooks/incoming";
    private static final long DAY_MS = 86_400_000L;
    private static final long MAX_GRACE_SECONDS = 2_592_000L;
    private static final String GRACE_ERROR = "model.incoming_hook.is_valid.grace_seconds.app_error";
    private static final String NO_PREVIOUS = "app.webhooks.previous_id.not_found";
    /** How long an answer may take to appear in the delivery log (written every 200 ms). */
    private static final Duration LOGGED_WITHIN = Duration.ofSeconds(3);

    private static final Pattern LOOPBACK = Pattern.compile("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    private TestUser owner;
    private TestUser bob;
    private String channelId;

    @BeforeEach
    void setUp() {
        admin = ApiFixtures.admin();
        owner = newUser(admin, "rot");
        bob = newUser(admin, "rotbob");
        String teamId = createTeam(owner.client()).getString("id");
        addTeamMember(owner.client(), teamId, bob.id());
        channelId = createChannel(owner.client(), teamId, "O").getString("id");
    }

    @Test
    void rotatingWithoutABodyKeepsTheOldUrlForADay() {
        String oldId = createHook(owner.client(), channelId).getString("id");
        long before = System.currentTimeMillis();
        HttpResponse<String> response = owner.client().post(HOOKS + "/" + oldId + "/rotate");
        long after = System.currentTimeMillis();
        JsonObject rotated = ok(response);
        String newId = rotated.getString("id");
        assertId(newId);
        assertNotEquals(oldId, newId);
        assertEquals(channelId, rotated.getString("channel_id"));
        assertEquals(owner.id(), rotated.getString("user_id"));
        long expiresAt = rotated.getJsonNumber("previous_id_expires_at").longValue();
        assertTrue(
                expiresAt >= before + DAY_MS - 1000 && expiresAt <= after + DAY_MS + 1000,
                "a day from now: " + rotated);

        assertHookOk(hookJson(oldId, text("through the old URL")));
        assertHookOk(hookJson(newId, text("through the new URL")));
        // The hook is the new id's: the old id names nothing in the API any more.
        assertEquals(
                expiresAt,
                ok(owner.client().get(HOOKS + "/" + newId))
                        .getJsonNumber("previous_id_expires_at")
                        .longValue());
        assertError(404, owner.client().get(HOOKS + "/" + oldId));
        // A hook never rotated carries no such field: its JSON is what it was.
        JsonObject plain = createHook(owner.client(), channelId);
        assertFalse(plain.containsKey("previous_id_expires_at"), plain.toString());
        assertFalse(ok(owner.client().get(HOOKS + "/" + plain.getString("id"))).containsKey("previous_id_expires_at"));
    }

    @Test
    void graceIsZeroToThirtyDaysAndAnythingElseIs400StoringNothing() {
        String hookId = createHook(owner.client(), channelId).getString("id");
        for (String body : List.of(
                "{\"grace_seconds\":2592001}",
                "{\"grace_seconds\":-1}",
                "{\"grace_seconds\":1.5}",
                "{\"grace_seconds\":\"60\"}",
                "{\"grace_seconds\":true}",
                "{\"grace_seconds\":1e400}",
                "{\"grace_seconds\":99999999999999999999999}")) {
            assertError(400, GRACE_ERROR, rotate(owner.client(), hookId, body));
        }
        for (String body : List.of("[]", "60", "{not json")) {
            assertError(400, "api.context.invalid_body_param.app_error", rotate(owner.client(), hookId, body));
        }
        // Nothing changed: the hook still has its id, and no previous one.
        JsonObject unchanged = ok(owner.client().get(HOOKS + "/" + hookId));
        assertFalse(unchanged.containsKey("previous_id_expires_at"), unchanged.toString());
        assertHookOk(hookJson(hookId, text("still the same hook")));

        // At the upper bound: 30 days.
        long before = System.currentTimeMillis();
        JsonObject longest = ok(rotate(owner.client(), hookId, "{\"grace_seconds\":" + MAX_GRACE_SECONDS + "}"));
        long expiresAt = longest.getJsonNumber("previous_id_expires_at").longValue();
        assertTrue(Math.abs(expiresAt - (before + MAX_GRACE_SECONDS * 1000)) < 60_000, longest.toString());
        assertHookOk(hookJson(hookId, text("old URL, 30 days left")));

        // An explicit null and an empty object mean the default.
        JsonObject byDefault = ok(rotate(owner.client(), longest.getString("id"), "{\"grace_seconds\":null}"));
        assertTrue(
                Math.abs(byDefault.getJsonNumber("previous_id_expires_at").longValue()
                                - (System.currentTimeMillis() + DAY_MS))
                        < 60_000,
                byDefault.toString());

        // At the lower bound: 0, the old URL stops at once (as regenerating), and no expiry is shown.
        String current = byDefault.getString("id");
        JsonObject immediate = ok(rotate(owner.client(), current, "{\"grace_seconds\":0}"));
        assertFalse(immediate.containsKey("previous_id_expires_at"), immediate.toString());
        assertError(404, "no_service", hookJson(current, text("too late")));
        assertHookOk(hookJson(immediate.getString("id"), text("the new URL")));
    }

    @Test
    void theOldUrlWorksUntilItsExpiryAndAnswersAsAnUnknownHookAfter() throws InterruptedException {
        String oldId = createHook(owner.client(), channelId).getString("id");
        JsonObject rotated = ok(rotate(owner.client(), oldId, "{\"grace_seconds\":2}"));
        long expiresAt = rotated.getJsonNumber("previous_id_expires_at").longValue();

        assertHookOk(hookJson(oldId, text("in the grace period")));
        sleepUntil(expiresAt - 700);
        assertTrue(System.currentTimeMillis() < expiresAt - 500, "sent before the expiry");
        assertHookOk(hookJson(oldId, text("just before the expiry")));

        sleepUntil(expiresAt + 1);
        JsonObject expired = assertError(404, "no_service", hookJson(oldId, text("after the expiry")));
        JsonObject unknown = assertError(404, "no_service", hookJson(ApiFixtures.unknownId(), text("unknown")));
        assertEquals(unknown.getString("message"), expired.getString("message"));
        assertEquals(unknown.getString("detailed_error"), expired.getString("detailed_error"));
        assertHookOk(hookJson(rotated.getString("id"), text("the new URL after the expiry")));
        // And the API has nothing left to revoke.
        assertError(404, NO_PREVIOUS, owner.client().delete(HOOKS + "/" + rotated.getString("id") + "/previous"));
        assertFalse(
                ok(owner.client().get(HOOKS + "/" + rotated.getString("id"))).containsKey("previous_id_expires_at"));
    }

    @Test
    void rotatingAgainEndsTheOlderPreviousUrl() {
        String first = createHook(owner.client(), channelId).getString("id");
        String second =
                ok(rotate(owner.client(), first, "{\"grace_seconds\":3600}")).getString("id");
        JsonObject again = ok(rotate(owner.client(), second, "{\"grace_seconds\":3600}"));
        String third = again.getString("id");

        assertError(404, "no_service", hookJson(first, text("two rotations ago")));
        assertHookOk(hookJson(second, text("one rotation ago")));
        assertHookOk(hookJson(third, text("current")));
        assertTrue(
                audits().stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(a -> a.getString("action").equals("rotateIncomingHook")
                                && a.getString("extra_info").startsWith("hook " + second.substring(0, 4) + "…")
                                && a.getString("extra_info").contains("older_previous_id_revoked true")),
                "audited");
    }

    @Test
    void regeneratingEndsBothTheCurrentAndThePreviousUrl() {
        String first = createHook(owner.client(), channelId).getString("id");
        String second =
                ok(rotate(owner.client(), first, "{\"grace_seconds\":3600}")).getString("id");
        assertHookOk(hookJson(first, text("in the grace period")));

        String third =
                ok(owner.client().post(HOOKS + "/" + second + "/regen_token")).getString("id");
        assertError(404, "no_service", hookJson(first, text("previous")));
        assertError(404, "no_service", hookJson(second, text("regenerated")));
        assertHookOk(hookJson(third, text("current")));
        JsonObject regenerated = ok(owner.client().get(HOOKS + "/" + third));
        assertFalse(regenerated.containsKey("previous_id_expires_at"), regenerated.toString());
        assertTrue(
                audits().stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(a -> a.getString("action").equals("regenerateIncomingHook")
                                && a.getString("extra_info").startsWith("hook " + second.substring(0, 4) + "…")
                                && a.getString("extra_info").contains("previous_id_revoked true")),
                "audited");
    }

    @Test
    void revokingEndsTheOldUrlAtOnceAndIsAudited() {
        String oldId = createHook(owner.client(), channelId).getString("id");
        String newId =
                ok(rotate(owner.client(), oldId, "{\"grace_seconds\":3600}")).getString("id");
        JsonObject previous = ok(owner.client().get(HOOKS + "/" + newId + "/previous"));
        assertTrue(previous.getJsonNumber("expires_at").longValue() > System.currentTimeMillis(), previous.toString());
        assertHookOk(hookJson(oldId, text("before revoking")));

        JsonObject revoked = ok(owner.client().delete(HOOKS + "/" + newId + "/previous"));
        assertEquals(newId, revoked.getString("id"));
        assertFalse(revoked.containsKey("previous_id_expires_at"), revoked.toString());
        assertError(404, "no_service", hookJson(oldId, text("after revoking")));
        assertHookOk(hookJson(newId, text("the new URL")));
        assertError(404, NO_PREVIOUS, owner.client().delete(HOOKS + "/" + newId + "/previous"));
        assertError(404, NO_PREVIOUS, owner.client().get(HOOKS + "/" + newId + "/previous"));

        JsonArray audits = audits();
        assertFalse(audits.toString().contains(oldId), "never a whole hook id in the audit log");
        assertFalse(audits.toString().contains(newId), "never a whole hook id in the audit log");
        assertTrue(
                audits.stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(a -> a.getString("user_id").equals(owner.id())
                                && a.getString("action").equals("rotateIncomingHook")
                                && a.getString("extra_info").startsWith("hook " + oldId.substring(0, 4) + "…")
                                && a.getString("extra_info").contains("new_id \"" + newId.substring(0, 4) + "…\"")
                                && a.getString("extra_info").contains("grace_seconds 3600")),
                audits.toString());
        assertTrue(
                audits.stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(a -> a.getString("user_id").equals(owner.id())
                                && a.getString("action").equals("revokePreviousIncomingHookUrl")
                                && a.getString("extra_info").startsWith("hook " + newId.substring(0, 4) + "…")),
                audits.toString());
    }

    @Test
    void theDeliveryLogMarksRequestsThroughTheOldUrlAndNamesTheirSenders() {
        String oldId = createHook(owner.client(), channelId).getString("id");
        assertHookOk(hookJson(oldId, text("before the rotation")));
        // Its delivery is logged before the rotation: one written by the background writer while the rotation
        // commits can stay under the old id (seen once in CI under load; a known defect, see the README's
        // delivery-log section). This test is about the marking of requests after the rotation.
        Poll.until(
                LOGGED_WITHIN,
                () -> HooklineClient.jsonArray(owner.client().get(HOOKS + "/" + oldId + "/deliveries")),
                entries -> entries.size() >= 1,
                entries -> "not logged in time: " + entries);
        String newId =
                ok(rotate(owner.client(), oldId, "{\"grace_seconds\":3600}")).getString("id");
        long rotatedAt = System.currentTimeMillis();
        assertHookOk(hookJson(oldId, text("old one")));
        assertError(400, "no_text", hookJson(oldId, "{}"));
        assertHookOk(hookJson(newId, text("new one")));

        JsonArray log = Poll.until(
                LOGGED_WITHIN,
                () -> HooklineClient.jsonArray(owner.client().get(HOOKS + "/" + newId + "/deliveries")),
                entries -> entries.size() >= 4,
                entries -> "not logged in time: " + entries);
        assertEquals(4, log.size(), log.toString());
        // Newest first: new, old (400), old, and the one from before the rotation (then the hook's own URL).
        List<Boolean> marked = log.stream()
                .map(JsonValue::asJsonObject)
                .map(e -> e.containsKey("via_previous_id") && e.getBoolean("via_previous_id"))
                .toList();
        assertEquals(List.of(false, true, true, false), marked, log.toString());
        assertEquals("no_text", log.getJsonObject(1).getString("error_id"));

        JsonObject previous = ok(owner.client().get(HOOKS + "/" + newId + "/previous"));
        JsonArray senders = previous.getJsonArray("senders");
        assertEquals(1, senders.size(), previous.toString());
        JsonObject sender = senders.getJsonObject(0);
        assertTrue(LOOPBACK.matcher(sender.getString("remote_address")).matches(), sender.toString());
        assertEquals(2, sender.getInt("requests"), sender.toString());
        assertEquals(
                log.getJsonObject(1).getJsonNumber("create_at").longValue(),
                sender.getJsonNumber("last_at").longValue());
        assertTrue(previous.getJsonNumber("rotated_at").longValue() <= rotatedAt, previous.toString());
    }

    @Test
    void onlyTheCreatorAndSystemAdminsRotateReadAndRevoke() {
        String hookId = createHook(owner.client(), channelId).getString("id");
        assertError(403, rotate(bob.client(), hookId, "{\"grace_seconds\":60}"));
        assertError(401, ApiFixtures.anonymous().post(HOOKS + "/" + hookId + "/rotate"));
        assertError(404, owner.client().post(HOOKS + "/" + ApiFixtures.unknownId() + "/rotate"));

        String newId = ok(rotate(admin, hookId, "{\"grace_seconds\":60}")).getString("id");
        assertError(403, bob.client().get(HOOKS + "/" + newId + "/previous"));
        assertError(403, bob.client().delete(HOOKS + "/" + newId + "/previous"));
        assertError(401, ApiFixtures.anonymous().delete(HOOKS + "/" + newId + "/previous"));
        assertHookOk(hookJson(hookId, text("still working after the refusals")));
        ok(owner.client().get(HOOKS + "/" + newId + "/previous"));
        ok(admin.delete(HOOKS + "/" + newId + "/previous"));
        assertError(404, "no_service", hookJson(hookId, text("revoked by the admin")));
    }

    private static HttpResponse<String> rotate(HooklineClient as, String hookId, String body) {
        return as.postJsonText(HOOKS + "/" + hookId + "/rotate", body);
    }

    private static JsonObject ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return HooklineClient.json(response);
    }

    private JsonArray audits() {
        return HooklineClient.jsonArray(ok200(admin.get("/api/v4/audits?page=0&per_page=200")));
    }

    private static HttpResponse<String> ok200(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static String text(String text) {
        return Json.createObjectBuilder()
                .add("text", text + " " + ApiFixtures.suffix())
                .build()
                .toString();
    }

    private static void sleepUntil(long epochMillis) throws InterruptedException {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
