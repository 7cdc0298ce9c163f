package io.hookline.it;

import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.post;
import static io.hookline.it.ApiFixtures.postCount;
import static io.hookline.it.ApiFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18, point 2: {@code POST /hooks/{id}?wait=true} answers the post it made as JSON; without {@code wait}
 * (or {@code wait=false}) the answer stays exactly {@code ok}. Point 7 too: JSON sent as a form
 * ({@code curl -d '{...}' URL}) is taken as JSON.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HookWaitIT {

    private static final Set<String> ANSWER_FIELDS =
            Set.of("id", "create_at", "channel_id", "message", "props", "ts", "post_ids");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private TestUser owner;
    private String channelId;
    private String hookId;

    @BeforeEach
    void setUp() {
        owner = newUser(ApiFixtures.admin(), "wait");
        String teamId = createTeam(owner.client()).getString("id");
        channelId = createChannel(owner.client(), teamId, "O").getString("id");
        hookId = createHook(owner.client(), channelId).getString("id");
    }

    private static HttpResponse<String> hook(String hookId, String query, String contentType, String body) {
        return ApiFixtures.anonymous().postRaw("/hooks/" + hookId + query, contentType, body);
    }

    private static String text(String text) {
        return Json.createObjectBuilder().add("text", text).build().toString();
    }

    @Test
    void waitTrueAnswersThePostAsStored() {
        String message = unique("wait");
        long before = System.currentTimeMillis();
        HttpResponse<String> response = hook(
                hookId, "?wait=true", ApiFixtures.JSON, "{\"text\":\"" + message + "\",\"props\":{\"card\":\"c\"}}");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        JsonObject answer = HooklineClient.json(response);
        assertEquals(ANSWER_FIELDS, answer.keySet());
        assertEquals(message, answer.getString("message"));
        assertEquals(channelId, answer.getString("channel_id"));
        assertEquals(List.of(answer.getString("id")), ApiFixtures.ids(wrap(answer.getJsonArray("post_ids"))));
        assertTrue(answer.getJsonNumber("create_at").longValue() >= before, answer.toString());
        assertEquals("true", answer.getJsonObject("props").getString("from_webhook"));
        assertEquals("c", answer.getJsonObject("props").getString("card"));
        String ts = answer.getString("ts");
        assertTrue(ts.matches("[0-9]+\\.[0-9]{6}"), ts);
        assertEquals(
                answer.getJsonNumber("create_at").longValue() / 1000,
                Long.parseLong(ts.substring(0, ts.indexOf('.'))),
                "ts seconds are create_at's");

        // The answer is the stored post, as the API reads it.
        JsonObject stored = post(owner.client(), answer.getString("id"));
        assertEquals(message, stored.getString("message"));
        assertEquals(
                answer.getJsonNumber("create_at").longValue(),
                stored.getJsonNumber("create_at").longValue());
        assertEquals(stored.getJsonObject("props"), answer.getJsonObject("props"));
        assertEquals(1, postCount(owner.client(), channelId));
    }

    @Test
    void aSplitMessageListsEveryPostInOrderAndAnswersTheFirst() {
        // 40,000 characters, longer than MaxPostSize can be (at most 16,383): several posts.
        String line = "x".repeat(99) + "\n";
        String message = line.repeat(400);
        HttpResponse<String> response = hook(hookId, "?wait=true", ApiFixtures.JSON, text(message));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject answer = HooklineClient.json(response);
        JsonArray ids = answer.getJsonArray("post_ids");
        assertTrue(ids.size() >= 3, answer.toString().substring(0, 200));
        assertEquals(ids.getString(0), answer.getString("id"));
        assertEquals(ids.size(), postCount(owner.client(), channelId));
        StringBuilder joined = new StringBuilder();
        long previous = 0;
        for (int i = 0; i < ids.size(); i++) {
            JsonObject part = post(owner.client(), ids.getString(i));
            assertTrue(part.getJsonNumber("create_at").longValue() > previous, "in order");
            previous = part.getJsonNumber("create_at").longValue();
            joined.append(part.getString("message"));
        }
        assertEquals(post(owner.client(), ids.getString(0)).getString("message"), answer.getString("message"));
        assertEquals(message.replace("\n", ""), joined.toString().replace("\n", ""));
    }

    @Test
    void withoutWaitOrWithWaitFalseTheAnswerIsExactlyOk() {
        for (String query : new String[] {"", "?wait=false", "?wait=0", "?WAIT=true", "?other=1"}) {
            HttpResponse<String> response = hook(hookId, query, ApiFixtures.JSON, text(unique("plain")));
            assertHookOk(response);
            assertEquals(
                    "text/plain;charset=UTF-8",
                    response.headers().firstValue("Content-Type").orElse("").replace(" ", ""),
                    query);
        }
        assertEquals(5, postCount(owner.client(), channelId));
    }

    @Test
    void anUnreadableFlagIsRefusedBeforeAnythingIsPosted() {
        for (String query : new String[] {"?wait=yes", "?wait=", "?wait=truee"}) {
            assertError(400, "invalid_parameter", hook(hookId, query, ApiFixtures.JSON, text("x")));
        }
        assertEquals(0, postCount(owner.client(), channelId));
    }

    @Test
    void errorsAreTheSameWithWait() {
        assertError(400, "no_text", hook(hookId, "?wait=true", ApiFixtures.JSON, "{}"));
        assertError(404, "no_service", hook(ApiFixtures.unknownId(), "?wait=true", ApiFixtures.JSON, text("x")));
        assertError(400, "invalid_payload", hook(hookId, "?wait=true", ApiFixtures.JSON, "{"));
        assertEquals(0, postCount(owner.client(), channelId));
    }

    @Test
    void waitWorksForEveryBodyForm() {
        String form = unique("form");
        JsonObject a = HooklineClient.json(hook(hookId, "?wait=true", ApiFixtures.FORM, "payload=" + text(form)));
        assertEquals(form, a.getString("message"));
        String multipart = unique("multipart");
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + multipart
                + "\r\n--" + boundary + "--\r\n";
        JsonObject b =
                HooklineClient.json(hook(hookId, "?wait=true", "multipart/form-data; boundary=" + boundary, body));
        assertEquals(multipart, b.getString("message"));
        assertEquals(2, postCount(owner.client(), channelId));
    }

    // --- point 7 -------------------------------------------------------------------------------------------

    @Test
    void jsonSentAsAFormIsTakenAsJson() {
        // What curl -d '{"text":"hi"}' URL sends: the JSON raw, as application/x-www-form-urlencoded.
        String message = unique("curl -d json") + " & more = 100%";
        assertHookOk(hook(hookId, "", ApiFixtures.FORM, text(message)));
        assertEquals(message, ApiFixtures.newestPost(owner.client(), channelId).getString("message"));
        JsonObject answer = HooklineClient.json(hook(
                hookId, "?wait=true", ApiFixtures.FORM, "{\"text\":\"second\",\"channel\":\"" + "off-topic" + "\"}"));
        assertEquals("second", answer.getString("message"));
        assertTrue(!channelId.equals(answer.getString("channel_id")), "the channel override was read");
    }

    @Test
    void formsKeepTheirMeaning() {
        String inner = unique("inner");
        assertHookOk(hook(hookId, "", ApiFixtures.FORM, "payload=" + text(inner)));
        assertEquals(inner, ApiFixtures.newestPost(owner.client(), channelId).getString("message"));
        for (String body : new String[] {"text=hi", "[{\"text\":\"x\"}]", "{\"text\":", "\"x\""}) {
            JsonObject error = assertError(400, "invalid_payload", hook(hookId, "", ApiFixtures.FORM, body));
            assertEquals("The form has no payload field.", error.getString("message"), body);
        }
        assertEquals(1, postCount(owner.client(), channelId));
    }

    /** {@code ["a","b"]} as {@code [{"id":"a"},{"id":"b"}]}, for {@link ApiFixtures#ids}. */
    private static JsonArray wrap(JsonArray ids) {
        var array = Json.createArrayBuilder();
        ids.getValuesAs(jakarta.json.JsonString.class)
                .forEach(id -> array.add(Json.createObjectBuilder().add("id", id.getString())));
        return array.build();
    }
}
