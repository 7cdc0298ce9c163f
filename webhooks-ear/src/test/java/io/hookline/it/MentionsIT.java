package io.hookline.it;

import static io.hookline.it.ApiFixtures.addTeamMember;
import static io.hookline.it.ApiFixtures.admin;
import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.directChannelId;
import static io.hookline.it.ApiFixtures.hookJson;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.newestPost;
import static io.hookline.it.ApiFixtures.unknownId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, point 3: {@code <@U…>}, {@code <#C…>} and Block Kit user and channel elements resolve at most 100 ids
 * per request (the rest stay as written), and {@code <#C…>} shows a channel's name only when the hook's creator
 * may read that channel. Before the fix every mention was resolved, one query each, and any channel's name was
 * shown, a private channel's included.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MentionsIT {

    /** Mentions.MAX_RESOLVED_IDS. */
    private static final int MAX_RESOLVED_IDS = 100;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    private TestUser creator;
    private TestUser other;
    private String teamId;
    private String hookChannelId;
    private String hookId;

    @BeforeEach
    void aHookOfAnOrdinaryUser() {
        admin = admin();
        creator = newUser(admin, "men");
        other = newUser(admin, "oth");
        teamId = createTeam(creator.client()).getString("id");
        addTeamMember(creator.client(), teamId, other.id());
        hookChannelId = createChannel(creator.client(), teamId, "O").getString("id");
        hookId = createHook(creator.client(), hookChannelId).getString("id");
    }

    @Test
    void aChannelNameIsShownOnlyWhenTheHooksCreatorMayReadTheChannel() {
        JsonObject privateNotIn = createChannel(other.client(), teamId, "P");
        JsonObject privateIn = createChannel(creator.client(), teamId, "P");
        JsonObject publicOfTheTeam = createChannel(other.client(), teamId, "O");
        String otherTeamId = createTeam(other.client()).getString("id");
        JsonObject publicOfAnotherTeam = createChannel(other.client(), otherTeamId, "O");
        TestUser third = newUser(admin, "thd");
        String directOfOthers = directChannelId(other.client(), other.id(), third.id());

        assertHookOk(hookJson(
                hookId,
                text("<#" + privateNotIn.getString("id") + "> <#" + privateIn.getString("id")
                        + "> <#" + publicOfTheTeam.getString("id") + "> <#" + publicOfAnotherTeam.getString("id")
                        + "> <#"
                        + directOfOthers + "> <@" + other.id() + ">")));
        JsonObject post = newestPost(creator.client(), hookChannelId);
        assertEquals(
                "~" + privateNotIn.getString("id") + " ~" + privateIn.getString("name") + " ~"
                        + publicOfTheTeam.getString("name") + " ~" + publicOfAnotherTeam.getString("id") + " ~"
                        + directOfOthers + " @" + other.username(),
                post.getString("message"));
        assertFalse(post.toString().contains(privateNotIn.getString("name")), post.toString());
    }

    @Test
    void aPrivateChannelIsNotRevealedThroughAttachmentsOrBlocks() {
        JsonObject privateNotIn = createChannel(other.client(), teamId, "P");
        String id = privateNotIn.getString("id");
        String name = privateNotIn.getString("name");
        JsonObject payload = Json.createObjectBuilder()
                .add(
                        "attachments",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("text", "see <#" + id + ">")
                                        .add(
                                                "fields",
                                                Json.createArrayBuilder()
                                                        .add(Json.createObjectBuilder()
                                                                .add("title", "<#" + id + ">")
                                                                .add("value", "<#" + id + ">")))))
                .add(
                        "blocks",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("type", "section")
                                        .add(
                                                "text",
                                                Json.createObjectBuilder()
                                                        .add("type", "mrkdwn")
                                                        .add("text", "in <#" + id + ">")))
                                .add(Json.createObjectBuilder()
                                        .add("type", "rich_text")
                                        .add(
                                                "elements",
                                                Json.createArrayBuilder()
                                                        .add(Json.createObjectBuilder()
                                                                .add("type", "rich_text_section")
                                                                .add(
                                                                        "elements",
                                                                        Json.createArrayBuilder()
                                                                                .add(Json.createObjectBuilder()
                                                                                        .add("type", "channel")
                                                                                        .add("channel_id", id)))))))
                .build();
        assertHookOk(hookJson(hookId, payload.toString()));
        JsonObject post = newestPost(creator.client(), hookChannelId);
        assertTrue(post.getString("message").contains("~" + id), post.getString("message"));
        assertFalse(post.toString().contains(name), "the private channel's name leaked: " + post);

        // Once the creator joins, the same payload shows the name.
        HttpResponse<String> added = other.client()
                .postJson(
                        "/api/v4/channels/" + id + "/members",
                        Json.createObjectBuilder().add("user_id", creator.id()).build());
        assertEquals(201, added.statusCode(), added.body());
        assertHookOk(hookJson(hookId, payload.toString()));
        JsonObject after = newestPost(creator.client(), hookChannelId);
        assertTrue(after.getString("message").contains("~" + name), after.getString("message"));
    }

    @Test
    void ofAHundredAndFiftyDistinctMentionsTheFirst100AreResolvedAndTheRestStayAsWritten() {
        List<JsonObject> channels = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            channels.add(createChannel(creator.client(), teamId, "O"));
        }
        StringBuilder text = new StringBuilder();
        for (JsonObject channel : channels) {
            text.append("<#").append(channel.getString("id")).append(">\n");
        }
        assertHookOk(hookJson(hookId, text(text.toString())));

        List<String> shown = new ArrayList<>();
        for (String message : messagesOldestFirst()) {
            shown.addAll(List.of(message.split("\\s+")));
        }
        assertEquals(150, shown.size(), shown.toString());
        for (int i = 0; i < 150; i++) {
            JsonObject channel = channels.get(i);
            String expected = "~" + (i < MAX_RESOLVED_IDS ? channel.getString("name") : channel.getString("id"));
            assertEquals(expected, shown.get(i), "mention " + i);
        }
    }

    @Test
    void aMentionFloodIsAnsweredWithoutAQueryPerMention() {
        // 5,000 distinct well-formed ids: before the fix, 5,000 look-ups in one request.
        JsonArrayBuilder elements = Json.createArrayBuilder();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            String id = unknownId();
            text.append("<@").append(id).append("> ");
            if (i < 2000) {
                elements.add(Json.createObjectBuilder().add("type", "user").add("user_id", unknownId()));
            }
        }
        text.append("<@").append(other.id()).append(">");
        JsonObject payload =
                Json.createObjectBuilder().add("text", text.toString()).build();
        long started = System.nanoTime();
        assertHookOk(hookJson(hookId, payload.toString()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "took " + took);
        List<String> messages = messagesOldestFirst();
        String last = messages.get(messages.size() - 1);
        // The known user comes after the first 100 ids: past the cap, so shown as written.
        assertTrue(last.endsWith("@" + other.id()), last.substring(Math.max(0, last.length() - 80)));

        JsonObject blocks = Json.createObjectBuilder()
                .add(
                        "blocks",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("type", "rich_text")
                                        .add(
                                                "elements",
                                                Json.createArrayBuilder()
                                                        .add(Json.createObjectBuilder()
                                                                .add("type", "rich_text_section")
                                                                .add("elements", elements)))))
                .build();
        assertHookOk(hookJson(hookId, blocks.toString()));
    }

    private static String text(String text) {
        return Json.createObjectBuilder().add("text", text).build().toString();
    }

    /** The hook channel's messages, oldest first. */
    private List<String> messagesOldestFirst() {
        HttpResponse<String> response =
                creator.client().get("/api/v4/channels/" + hookChannelId + "/posts?per_page=200");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject list = HooklineClient.json(response);
        JsonArray order = list.getJsonArray("order");
        List<JsonObject> posts = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            posts.add(list.getJsonObject("posts").getJsonObject(order.getString(i)));
        }
        posts.sort(
                Comparator.comparingLong(post -> post.getJsonNumber("create_at").longValue()));
        return posts.stream().map(post -> post.getString("message")).toList();
    }
}
