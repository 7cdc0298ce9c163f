package io.hookline.it;

import static io.hookline.it.ApiFixtures.addTeamMember;
import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.assertWebhookProps;
import static io.hookline.it.ApiFixtures.channelByName;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.directChannelId;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.newestPost;
import static io.hookline.it.ApiFixtures.postCount;
import static io.hookline.it.ApiFixtures.withServiceSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every example of {@code shared/spec/incoming-webhooks.md}, sent byte for byte as written there: once as
 * {@code curl -d 'payload=...'} sends it (a form body, the JSON raw after {@code payload=}) and once as
 * {@code application/json}: each test runs once per {@link HookEncoding}, with the same assertions. Each run has its
 * own user and team (with its own town-square and off-topic), so "the newest post of the channel" is always this
 * run's post, whatever else runs on the server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HookSpecExamplesIT {

    private static final String SERVICE = "ServiceSettings";
    private static final String HELLO_TEXT = "Hello, this is some text.";

    // The spec's examples, verbatim.
    private static final String HELLO = "{\"text\": \"Hello, this is some text.\"}";
    private static final String OFF_TOPIC = "{\"channel\": \"off-topic\", \"text\": \"Hello, this is some text.\"}";
    private static final String HASH_OFF_TOPIC =
            "{\"channel\": \"#off-topic\", \"text\": \"Hello, this is some text.\"}";
    private static final String ROBOT = "{\"username\": \"robot\", \"text\": \"Hello, this is some text.\"}";
    private static final String ICON_URL = "http://somewebsite.com/somecoolimage.jpg";
    private static final String ICON =
            "{\"icon_url\": \"http://somewebsite.com/somecoolimage.jpg\", \"text\": \"Hello, this is some text.\"}";
    /** In JSON, {@code \n} is an escape: the message holds a line break there. */
    private static final String HEADER = "{\"text\": \"# A Header\\nThe _text_ below **the** header.\"}";

    private static final String HEADER_MESSAGE = "# A Header\nThe _text_ below **the** header.";
    private static final String HEADING_LINE = "##### Build Break - Project X - December 12, 2015 - 15:32 GMT +0";
    private static final String[] TABLE_ROWS = {
        "| Component  | Tests Run   | Tests Failed                                   |",
        "|:-----------|:------------|:-----------------------------------------------|",
        "| Server     | 948         | :white_check_mark: 0                           |",
        "| Web Client | 123         | :warning: [2 (see details)](http://linktologs) |",
        "| iOS Client | 78          | :warning: [3 (see details)](http://linktologs) |",
    };
    /** The build-break table as the spec writes it: raw line breaks inside the JSON string. */
    private static final String TABLE =
            "{\"text\": \"\n---\n" + HEADING_LINE + "\n" + String.join("\n", TABLE_ROWS) + "\n---\n\"}";

    private static final String BARE_LINK = "{\"text\": \"<http://www.mattermost.com/>\"}";
    private static final String NAMED_LINK = "{\"text\": \"Click <http://www.mattermost.com/|here> for a link.\"}";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    /** Creates the team and every hook. */
    private TestUser owner;

    private String teamId;
    private String townSquare;
    private String offTopic;
    /** Created on town-square, not locked, no defaults. */
    private JsonObject hook;

    @BeforeEach
    void setUp() {
        admin = ApiFixtures.admin();
        owner = newUser(admin, "spec");
        teamId = createTeam(owner.client()).getString("id");
        townSquare = channelByName(owner.client(), teamId, "town-square").getString("id");
        offTopic = channelByName(owner.client(), teamId, "off-topic").getString("id");
        hook = createHook(owner.client(), townSquare);
    }

    // --- hello ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(HookEncoding.class)
    void hello(HookEncoding encoding) {
        JsonObject post = sendAndGetNewest(encoding, HELLO, townSquare);
        assertEquals(HELLO_TEXT, post.getString("message"));
        assertEquals(owner.id(), post.getString("user_id"), "posted as the hook's creator");
    }

    // --- channel override ----------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(HookEncoding.class)
    void offTopic(HookEncoding encoding) {
        offTopicOfTheHooksTeam(encoding, OFF_TOPIC);
    }

    @ParameterizedTest
    @EnumSource(HookEncoding.class)
    void hashOffTopic(HookEncoding encoding) {
        offTopicOfTheHooksTeam(encoding, HASH_OFF_TOPIC);
    }

    private void offTopicOfTheHooksTeam(HookEncoding encoding, String example) {
        int townSquareBefore = postCount(owner.client(), townSquare);
        JsonObject post = sendAndGetNewest(encoding, example, offTopic);
        assertEquals(HELLO_TEXT, post.getString("message"));
        assertEquals(offTopic, post.getString("channel_id"));
        assertEquals(townSquareBefore, postCount(owner.client(), townSquare), "nothing in the hook's own channel");
    }

    // --- username override ---------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(HookEncoding.class)
    void robotUsername(HookEncoding encoding) {
        withServiceSettings(admin, Map.of("EnablePostUsernameOverride", JsonValue.TRUE), () -> {
            JsonObject post = sendAndGetNewest(encoding, ROBOT, townSquare);
            assertEquals(HELLO_TEXT, post.getString("message"));
            assertEquals(
                    "robot", post.getJsonObject("props").getString("override_username", null), "override on: " + post);
            assertEquals(owner.id(), post.getString("user_id"), "still the creator's post");
        });
        withServiceSettings(admin, Map.of("EnablePostUsernameOverride", JsonValue.FALSE), () -> {
            JsonObject post = sendAndGetNewest(encoding, ROBOT, townSquare);
            assertEquals(HELLO_TEXT, post.getString("message"));
            assertFalse(post.getJsonObject("props").containsKey("override_username"), "override off: " + post);
        });
    }

    // --- icon override -------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(HookEncoding.class)
    void iconUrl(HookEncoding encoding) {
        withServiceSettings(admin, Map.of("EnablePostIconOverride", JsonValue.TRUE), () -> {
            JsonObject post = sendAndGetNewest(encoding, ICON, townSquare);
            assertEquals(HELLO_TEXT, post.getString("message"));
            assertEquals(
                    ICON_URL, post.getJsonObject("props").getString("override_icon_url", null), "override on: " + post);
        });
        withServiceSettings(admin, Map.of("EnablePostIconOverride", JsonValue.FALSE), () -> {
            JsonObject post = sendAndGetNewest(encoding, ICON, townSquare);
            assertEquals(HELLO_TEXT, post.getString("message"));
            assertFalse(post.getJsonObject("props").containsKey("override_icon_url"), "override off: " + post);
        });
    }

    // --- markdown ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(HookEncoding.class)
    void markdownHeader(HookEncoding encoding) {
        assertEquals(
                HEADER_MESSAGE, sendAndGetNewest(encoding, HEADER, townSquare).getString("message"));
    }

    @ParameterizedTest
    @EnumSource(HookEncoding.class)
    void buildBreakTable(HookEncoding encoding) {
        String message = sendAndGetNewest(encoding, TABLE, townSquare).getString("message");
        // "+0" survives in the form too: a raw '{' after payload= is taken verbatim (README), not form-decoded.
        assertTrue(message.contains(HEADING_LINE + "\n"), "heading line in: " + message);
        for (String row : TABLE_ROWS) {
            assertTrue(message.contains(row + "\n"), "row '" + row + "' in: " + message);
        }
        assertTrue(message.contains("---"), message);
    }

    // --- Slack links ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(HookEncoding.class)
    void bareSlackLink(HookEncoding encoding) {
        String message = sendAndGetNewest(encoding, BARE_LINK, townSquare).getString("message");
        assertTrue(message.contains("http://www.mattermost.com/"), message);
        assertFalse(message.contains("<"), "translated to markdown: " + message);
        assertFalse(message.contains(">"), "translated to markdown: " + message);
    }

    @ParameterizedTest
    @EnumSource(HookEncoding.class)
    void namedSlackLink(HookEncoding encoding) {
        String message = sendAndGetNewest(encoding, NAMED_LINK, townSquare).getString("message");
        assertTrue(message.contains("[here](http://www.mattermost.com/)"), message);
        assertTrue(message.startsWith("Click ") && message.endsWith(" for a link."), message);
        assertFalse(message.contains("<"), "translated to markdown: " + message);
    }

    // --- direct message ------------------------------------------------------------------------------------

    /** {@code {"text": "Hi", "channel": "@jim"}} with a fresh user in place of jim. */
    @ParameterizedTest
    @EnumSource(HookEncoding.class)
    void atUser(HookEncoding encoding) {
        TestUser jim = newUser(admin, "jim");
        addTeamMember(owner.client(), teamId, jim.id());
        int townSquareBefore = postCount(owner.client(), townSquare);
        String example = "{\"text\": \"Hi\", \"channel\": \"@" + jim.username() + "\"}";

        assertHookOk(send(encoding, example));

        String direct = directChannelId(admin, owner.id(), jim.id());
        assertEquals(1, postCount(admin, direct), "the hook's post, in the creator's direct channel with the user");
        JsonObject post = newestPost(admin, direct);
        assertEquals("Hi", post.getString("message"));
        assertEquals(direct, post.getString("channel_id"));
        assertEquals(owner.id(), post.getString("user_id"));
        assertWebhookProps(post, hook);
        assertEquals(
                "D",
                HooklineClient.json(admin.get("/api/v4/channels/" + direct)).getString("type"));
        assertEquals(townSquareBefore, postCount(owner.client(), townSquare), "nothing in the hook's own channel");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private HttpResponse<String> send(HookEncoding encoding, String example) {
        return encoding.send(hook.getString("id"), example);
    }

    /** Sends the example (200 ok expected), checks one post more in the channel and returns it. */
    private JsonObject sendAndGetNewest(HookEncoding encoding, String example, String channelId) {
        int before = postCount(owner.client(), channelId);
        assertHookOk(send(encoding, example));
        assertEquals(before + 1, postCount(owner.client(), channelId), "one post more in the channel");
        JsonObject post = newestPost(owner.client(), channelId);
        assertEquals(channelId, post.getString("channel_id"));
        assertWebhookProps(post, hook);
        return post;
    }
}
