package io.hookline.it;

import static io.hookline.it.ApiFixtures.JSON;
import static io.hookline.it.ApiFixtures.anonymous;
import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.config;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.hookJson;
import static io.hookline.it.ApiFixtures.hookPost;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.userId;
import static io.hookline.it.ApiFixtures.withServiceSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8's secret hygiene, black-box: a hook's life (posts that succeed and fail in every way a sender can
 * fail, a client hanging up mid-body, a URL regenerated in the console, an update, a delete) and a settings
 * change, then the server's own log file is read. No hook id, old or new, may appear in it whole; the access
 * log lines are there with the id masked; the aborted bodies logged nothing SEVERE; error bodies never echo
 * the id; and {@code GET /api/v4/audits} tells who did what (system admins only).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecretHygieneIT {

    /** What Hookline keeps of a hook id in logs: HookSecrets.VISIBLE_PREFIX characters and HookSecrets.MASK. */
    private static final int VISIBLE_PREFIX = 4;

    private static final String MASK = "…";
    /** How long the server may take to write its log records to the file. */
    private static final long LOG_WAIT_MS = 20_000;

    private static final Pattern RECORD_START = Pattern.compile("(?m)^\\[\\d{4}-\\d{2}-\\d{2}T");
    private static final Pattern TIME_MILLIS = Pattern.compile("\\[timeMillis: (\\d+)\\]");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private static String masked(String hookId) {
        return hookId.substring(0, VISIBLE_PREFIX) + MASK;
    }

    @Test
    void hookIdsNeverReachTheLogOrAnErrorBodyAndEveryChangeIsAudited() throws Exception {
        long start = System.currentTimeMillis();
        HooklineClient admin = ApiFixtures.admin();
        String adminId = userId(admin);
        TestUser owner = newUser(admin, "hyg");
        TestUser other = newUser(admin, "hyo");
        String teamId = createTeam(owner.client()).getString("id");
        String channelId = createChannel(owner.client(), teamId, "O").getString("id");
        JsonObject hook = createHook(owner.client(), channelId);
        String hookId = hook.getString("id");

        // Posts: one that works, then every kind of failure a sender meets.
        assertHookOk(hookJson(hookId, "{\"text\":\"secret hygiene\"}"));
        int maxPayload = config(admin).getJsonObject("ServiceSettings").getInt("MaximumPayloadSizeBytes");
        noIdIn(hookId, assertError(400, "invalid_payload", hookJson(hookId, "{\"text\": ")));
        noIdIn(
                hookId,
                assertError(
                        404,
                        "channel_not_found",
                        hookJson(hookId, "{\"text\":\"x\",\"channel\":\"no-such-channel-hygiene\"}")));
        noIdIn(
                hookId,
                assertError(
                        413, "payload_too_large", hookJson(hookId, "{\"text\":\"" + "a".repeat(maxPayload) + "\"}")));
        noIdIn(hookId, assertError(400, "invalid_payload", hookPost(hookId, "json", "{\"text\":\"x\"}")));
        noIdIn(hookId, assertError(405, anonymous().get("/hooks/" + hookId)));
        noIdIn(
                hookId,
                assertError(
                        405,
                        anonymous()
                                .put(
                                        "/hooks/" + hookId,
                                        Json.createObjectBuilder().build())));
        noIdIn(hookId, assertError(404, anonymous().postRaw("/hooks/" + hookId + "/extra", JSON, "{\"text\":\"x\"}")));

        // Senders that hang up mid-body: a 400 at most, never a server error in the log.
        long abortsFrom = System.currentTimeMillis();
        String aborted = "{\"text\":\"cut off in the middle";
        String halfClosed = abortMidBody(hookId, "Content-Length: 5000", aborted, false);
        assertTrue(halfClosed.isEmpty() || halfClosed.startsWith("HTTP/1.1 400"), halfClosed);
        assertFalse(halfClosed.contains(hookId), halfClosed);
        abortMidBody(hookId, "Content-Length: 5000", aborted, true);
        abortMidBody(hookId, "Transfer-Encoding: chunked", Integer.toHexString(100) + "\r\n" + aborted, false);
        assertHookOk(hookJson(hookId, "{\"text\":\"still serving after the aborts\"}"));

        // The console's "Regenerate URL" (no REST endpoint in Mattermost for it), as the hook's owner.
        String newId = regenerateInConsole(owner, hookId);
        assertNotEquals(hookId, newId);
        noIdIn(hookId, assertError(404, "no_service", hookJson(hookId, "{\"text\":\"old URL\"}")));
        assertHookOk(hookJson(newId, "{\"text\":\"new URL\"}"));

        // Update and delete through the API, then a settings change (put back at once).
        String oldName = hook.getString("display_name");
        HttpResponse<String> updated = owner.client()
                .put(
                        "/api/v4/hooks/incoming/" + newId,
                        Json.createObjectBuilder()
                                .add("id", newId)
                                .add("channel_id", channelId)
                                .add("display_name", "renamed")
                                .add("description", "")
                                .add("username", "")
                                .add("icon_url", "")
                                .add("channel_locked", true)
                                .build());
        assertEquals(200, updated.statusCode(), updated.body());
        assertError(
                400,
                owner.client()
                        .put(
                                "/api/v4/hooks/incoming/" + newId,
                                Json.createObjectBuilder()
                                        .add("id", newId)
                                        .add("channel_id", channelId)
                                        .add("display_name", "x".repeat(65))
                                        .build()));
        HttpResponse<String> deleted = owner.client().delete("/api/v4/hooks/incoming/" + newId);
        assertEquals(200, deleted.statusCode(), deleted.body());
        noIdIn(newId, assertError(404, "no_service", hookJson(newId, "{\"text\":\"deleted\"}")));
        int maxPostSize = config(admin).getJsonObject("ServiceSettings").getInt("MaxPostSize");
        // Refused changes leave no entry: the entry is written in the change's transaction, after its checks.
        assertError(
                400,
                ApiFixtures.patchConfigResponse(admin, "ServiceSettings", "MaxPostSize", Json.createValue(1_000_000)));
        int changedSize = maxPostSize == 4000 ? 4001 : 4000;
        withServiceSettings(admin, Map.of("MaxPostSize", Json.createValue(changedSize)), () -> {});

        // The audit log: system admins only, newest first, who and what, never a whole id.
        assertError(401, anonymous().get("/api/v4/audits"));
        assertError(403, other.client().get("/api/v4/audits"));
        HttpResponse<String> page = admin.get("/api/v4/audits?page=0&per_page=200");
        assertEquals(200, page.statusCode(), page.body());
        assertFalse(page.body().contains(hookId), "whole old id in the audit log");
        assertFalse(page.body().contains(newId), "whole new id in the audit log");
        JsonArray audits = HooklineClient.jsonArray(page);
        assertNewestFirst(audits);
        JsonObject created = audit(audits, owner.id(), "createIncomingHook", "hook " + masked(hookId) + ": ");
        assertTrue(created.getString("extra_info").contains("display_name \"" + oldName + "\""), created.toString());
        assertTrue(created.getString("extra_info").contains(channelId), created.toString());
        JsonObject regenerated = audit(audits, owner.id(), "regenerateIncomingHook", "hook " + masked(hookId) + ": ");
        assertTrue(
                regenerated.getString("extra_info").contains("new_id \"" + masked(newId) + "\""),
                regenerated.toString());
        JsonObject update = audit(audits, owner.id(), "updateIncomingHook", "hook " + masked(newId) + ": ");
        assertTrue(
                update.getString("extra_info").contains("display_name \"" + oldName + "\" → \"renamed\""),
                update.toString());
        assertTrue(update.getString("extra_info").contains("channel_locked false → true"), update.toString());
        audit(audits, owner.id(), "deleteIncomingHook", "hook " + masked(newId) + ": display_name \"renamed\"");
        audit(
                audits,
                adminId,
                "patchConfig",
                "settings: ServiceSettings.MaxPostSize " + maxPostSize + " → " + changedSize);
        audit(
                audits,
                adminId,
                "patchConfig",
                "settings: ServiceSettings.MaxPostSize " + changedSize + " → " + maxPostSize);
        assertEquals(
                1,
                audits.stream()
                        .map(JsonValue::asJsonObject)
                        .filter(a -> a.getString("user_id").equals(owner.id())
                                && a.getString("action").equals("updateIncomingHook"))
                        .count(),
                "one update entry, none for the refused one");
        assertFalse(
                page.body().contains("MaxPostSize " + maxPostSize + " → 1000000"),
                "no entry for the refused settings change");
        for (JsonObject entry : List.of(created, regenerated, update)) {
            assertTrue(entry.getJsonNumber("create_at").longValue() >= start - 1_000, entry.toString());
            assertFalse(entry.getString("ip_address").isEmpty(), "address in " + entry);
            assertTrue(entry.getString("id").matches(ApiFixtures.ID_PATTERN), entry.toString());
        }

        // The System Console's page of the same log, for system admins only.
        HttpResponse<String> consolePage = ConsoleSession.signIn(
                        HooklineClient.adminUsername(), HooklineClient.adminPassword())
                .get("/console/system/audits.xhtml");
        assertEquals(200, consolePage.statusCode(), consolePage.body());
        assertTrue(consolePage.body().contains("regenerateIncomingHook"), consolePage.body());
        assertTrue(consolePage.body().contains("@" + owner.username()), consolePage.body());
        assertFalse(consolePage.body().contains(hookId), "whole old id on the audit page");
        assertFalse(consolePage.body().contains(newId), "whole new id on the audit page");
        assertEquals(
                403,
                ConsoleSession.signIn(other.username(), other.password())
                        .get("/console/system/audits.xhtml")
                        .statusCode());

        // The server's log: access lines with the id masked, no whole id anywhere, nothing SEVERE.
        String path = "/hooks/" + masked(hookId);
        List<String> expectedAccess = List.of(
                "\"POST " + path + "\" 200 in=",
                "\"POST " + path + "\" 400 in=",
                "\"POST " + path + "\" 404 in=",
                "\"POST " + path + "\" 413 in=",
                "\"GET " + path + "\" 405 in=",
                "\"PUT " + path + "\" 405 in=",
                "\"POST /hooks/" + masked(newId) + "\" 200 in=");
        String log = awaitLog(expectedAccess);
        assertFalse(log.contains(hookId), "the old hook id appears whole in server.log");
        assertFalse(log.contains(newId), "the new hook id appears whole in server.log");
        assertTrue(log.contains("[io.hookline.audit]"), "audit records in server.log");
        assertTrue(log.contains("regenerateIncomingHook by " + owner.id()), "audit record of the regeneration");
        List<String> severe = recordsSince(log, abortsFrom).stream()
                .filter(r -> r.contains("[SEVERE]"))
                .toList();
        assertEquals(List.of(), severe, "SEVERE records since the aborted requests");
    }

    /** The error body must not carry the hook id, whole or in part beyond what a log shows. */
    private static void noIdIn(String hookId, JsonObject error) {
        assertFalse(error.toString().contains(hookId.substring(0, 10)), "hook id echoed in " + error);
    }

    /**
     * Sends the head and part of a body over a raw socket, then either closes the sending side (the server
     * reads the end of the stream early) or resets the connection. Returns what came back, if anything.
     */
    private static String abortMidBody(String hookId, String lengthHeader, String partialBody, boolean reset)
            throws IOException, InterruptedException {
        URI base = URI.create(TestServer.baseUrl());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /hooks/" + hookId + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                            + "\r\nContent-Type: application/json\r\n" + lengthHeader + "\r\nConnection: close\r\n\r\n"
                            + partialBody)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(300); // the server is now waiting for the rest of the body
            if (reset) {
                socket.setSoLinger(true, 0);
                return "";
            }
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            try {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (SocketException closedWithoutAnswer) {
                return "";
            }
        }
    }

    /** Presses "Regenerate URL" on the owner's Integrations page and returns the hook's new id. */
    private static String regenerateInConsole(TestUser owner, String hookId) {
        ConsoleSession console = ConsoleSession.signIn(owner.username(), owner.password());
        HttpResponse<String> list = console.get("/console/hooks/index.xhtml");
        assertEquals(200, list.statusCode(), list.body());
        String row = Stream.of(ConsoleSession.joinedHookUrls(list.body()).split("<tr"))
                .filter(r -> r.contains("/hooks/" + hookId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for the hook on the Integrations page"));
        Matcher button = Pattern.compile("id=\"([^\"]+:regenerate)\"").matcher(row);
        assertTrue(button.find(), "no regenerate button in " + row);
        HttpResponse<String> after = console.press("/console/hooks/index.xhtml", list.body(), "hooks", button.group(1));
        assertEquals(200, after.statusCode(), after.body());
        String listed = ConsoleSession.joinedHookUrls(after.body());
        assertFalse(listed.contains("/hooks/" + hookId + "<"), "the old URL is still listed");
        Matcher url = Pattern.compile("/hooks/([a-z2-7]{26})<").matcher(listed);
        assertTrue(url.find(), "the regenerated URL is listed");
        return url.group(1);
    }

    private static void assertNewestFirst(JsonArray audits) {
        long previous = Long.MAX_VALUE;
        for (JsonValue value : audits) {
            JsonObject entry = value.asJsonObject();
            for (String field : new String[] {"id", "create_at", "user_id", "action", "extra_info", "ip_address"}) {
                assertTrue(entry.containsKey(field), field + " in " + entry);
            }
            long at = entry.getJsonNumber("create_at").longValue();
            assertTrue(at <= previous, "newest first: " + audits);
            previous = at;
        }
    }

    private static JsonObject audit(JsonArray audits, String userId, String action, String extraInfoStart) {
        return audits.stream()
                .map(JsonValue::asJsonObject)
                .filter(a -> a.getString("user_id").equals(userId)
                        && a.getString("action").equals(action)
                        && a.getString("extra_info").startsWith(extraInfoStart))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no " + action + " by " + userId + " starting with '" + extraInfoStart + "' in " + audits));
    }

    /** Every server.log file of the IT domain (the current one and any rotated ones), waiting for the lines. */
    private static String awaitLog(List<String> expected) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + LOG_WAIT_MS;
        while (true) {
            String log = serverLog();
            List<String> missing =
                    expected.stream().filter(line -> !log.contains(line)).toList();
            if (missing.isEmpty()) {
                return log;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("access log lines missing from server.log: " + missing);
            }
            Thread.sleep(500);
        }
    }

    private static String serverLog() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : TestServer.logFiles()) {
            all.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
                    .append('\n');
        }
        return all.toString();
    }

    /** The log's records (each starts with "[date") written at or after {@code since}. */
    private static List<String> recordsSince(String log, long since) {
        List<String> records = new ArrayList<>();
        Matcher starts = RECORD_START.matcher(log);
        List<Integer> offsets = new ArrayList<>();
        while (starts.find()) {
            offsets.add(starts.start());
        }
        offsets.add(log.length());
        for (int i = 0; i + 1 < offsets.size(); i++) {
            String record = log.substring(offsets.get(i), offsets.get(i + 1));
            Matcher time = TIME_MILLIS.matcher(record);
            if (time.find() && Long.parseLong(time.group(1)) >= since) {
                records.add(record);
            }
        }
        return records;
    }
}
