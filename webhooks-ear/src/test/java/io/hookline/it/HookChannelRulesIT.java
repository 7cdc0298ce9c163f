package io.hookline.it;

import static io.hookline.it.ApiFixtures.addChannelMember;
import static io.hookline.it.ApiFixtures.addTeamMember;
import static io.hookline.it.ApiFixtures.assertError;
import static io.hookline.it.ApiFixtures.assertHookOk;
import static io.hookline.it.ApiFixtures.assertStatusOk;
import static io.hookline.it.ApiFixtures.assertWebhookProps;
import static io.hookline.it.ApiFixtures.channelByName;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createNamedChannel;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.directChannelId;
import static io.hookline.it.ApiFixtures.hookJson;
import static io.hookline.it.ApiFixtures.newUser;
import static io.hookline.it.ApiFixtures.newestPost;
import static io.hookline.it.ApiFixtures.postCount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where a hook post goes ({@code channel} absent, {@code name}, {@code #name}, {@code @user}) and when it may
 * not go there: locked hooks, private groups, archived channels, deactivated creators. Each test has its own
 * users and team; every channel it counts posts in is its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HookChannelRulesIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    private HooklineClient admin;
    /** Creates the team, its channels and the hooks. */
    private TestUser owner;

    private String teamId;
    private String townSquare;
    /** A fresh public channel of the team. */
    private JsonObject channel;
    /** Not locked, on {@link #channel}. */
    private JsonObject hook;

    @BeforeEach
    void setUp() {
        admin = ApiFixtures.admin();
        owner = newUser(admin, "rule");
        teamId = createTeam(owner.client()).getString("id");
        townSquare = channelByName(owner.client(), teamId, "town-square").getString("id");
        channel = createChannel(owner.client(), teamId, "O");
        hook = createHook(owner.client(), channel.getString("id"));
    }

    @Test
    void withoutChannelTheHooksChannel() {
        String text = unique("own channel");
        postOk(hook, payload(text, null));
        JsonObject post = newestPost(owner.client(), id(channel));
        assertEquals(text, post.getString("message"));
        assertEquals(id(channel), post.getString("channel_id"));
        assertEquals(owner.id(), post.getString("user_id"));
        assertWebhookProps(post, hook);
    }

    @Test
    void nameAndHashNameReachAChannelOfTheHooksTeam() {
        JsonObject other = createChannel(owner.client(), teamId, "O");
        int ownBefore = count(id(channel));

        String plain = unique("by name");
        postOk(hook, payload(plain, other.getString("name")));
        assertEquals(plain, newestPost(owner.client(), id(other)).getString("message"));

        String hashed = unique("by #name");
        postOk(hook, payload(hashed, "#" + other.getString("name")));
        JsonObject post = newestPost(owner.client(), id(other));
        assertEquals(hashed, post.getString("message"));
        assertEquals(id(other), post.getString("channel_id"));
        assertWebhookProps(post, hook);

        assertEquals(2, count(id(other)));
        assertEquals(ownBefore, count(id(channel)), "nothing in the hook's own channel");
    }

    @Test
    void aChannelOfAnotherTeamIsNotReachableByName() {
        // The creator belongs to both teams and can read both channels: the name still only looks in the hook's team.
        String otherTeam = createTeam(owner.client()).getString("id");
        String onlyThere = ApiFixtures.unique("c");
        String elsewhere = id(createNamedChannel(owner.client(), otherTeam, onlyThere, "O"));
        int ownBefore = count(id(channel));

        assertError(404, "channel_not_found", hookJson(hook.getString("id"), payload(unique("x"), onlyThere)));
        assertError(404, "channel_not_found", hookJson(hook.getString("id"), payload(unique("x"), "#" + onlyThere)));
        assertEquals(0, count(elsewhere));
        assertEquals(ownBefore, count(id(channel)));

        // Once the hook's team has a channel of that name, that one gets the post, never the other team's.
        String here = id(createNamedChannel(owner.client(), teamId, onlyThere, "O"));
        String text = unique("same name");
        postOk(hook, payload(text, onlyThere));
        assertEquals(1, count(here));
        assertEquals(text, newestPost(owner.client(), here).getString("message"));
        assertEquals(0, count(elsewhere));

        // off-topic exists in every team: the hook's team's one.
        String offTopicHere = channelByName(owner.client(), teamId, "off-topic").getString("id");
        String offTopicThere =
                channelByName(owner.client(), otherTeam, "off-topic").getString("id");
        int thereBefore = count(offTopicThere);
        String offTopicText = unique("off-topic");
        postOk(hook, payload(offTopicText, "off-topic"));
        assertEquals(offTopicText, newestPost(owner.client(), offTopicHere).getString("message"));
        assertEquals(thereBefore, count(offTopicThere));
    }

    @Test
    void atUserOpensTheDirectChannelOnceAndReusesIt() {
        TestUser jim = newUser(admin, "jim");
        addTeamMember(owner.client(), teamId, jim.id());
        int ownBefore = count(id(channel));

        String first = unique("first dm");
        postOk(hook, payload(first, "@" + jim.username()));
        String direct = directChannelId(admin, owner.id(), jim.id());
        assertEquals(
                "D",
                HooklineClient.json(admin.get("/api/v4/channels/" + direct)).getString("type"));
        assertEquals(1, count(direct));
        JsonObject firstPost = newestPost(admin, direct);
        assertEquals(first, firstPost.getString("message"));
        assertEquals(direct, firstPost.getString("channel_id"));
        assertEquals(owner.id(), firstPost.getString("user_id"));

        String second = unique("second dm");
        postOk(hook, payload(second, "@" + jim.username()));
        assertEquals(direct, directChannelId(admin, jim.id(), owner.id()), "still one direct channel for the pair");
        assertEquals(2, count(direct));
        JsonObject secondPost = newestPost(admin, direct);
        assertEquals(second, secondPost.getString("message"));
        assertEquals(firstPost.getString("channel_id"), secondPost.getString("channel_id"));
        assertWebhookProps(secondPost, hook);

        assertEquals(ownBefore, count(id(channel)), "nothing in the hook's own channel");
    }

    @Test
    void aLockedHookPostsOnlyIntoItsOwnChannel() {
        TestUser jim = newUser(admin, "jim");
        addTeamMember(owner.client(), teamId, jim.id());
        JsonObject locked =
                ApiFixtures.createHook(owner.client(), id(channel), "locked " + ApiFixtures.suffix(), true, "", "");
        String offTopic = channelByName(owner.client(), teamId, "off-topic").getString("id");
        int offTopicBefore = count(offTopic);
        int ownBefore = count(id(channel));

        assertError(403, "action_prohibited", hookJson(locked.getString("id"), payload(unique("x"), "off-topic")));
        assertError(
                403, "action_prohibited", hookJson(locked.getString("id"), payload(unique("x"), "@" + jim.username())));
        assertEquals(offTopicBefore, count(offTopic));
        assertEquals(ownBefore, count(id(channel)));
        assertEquals(0, count(directChannelId(admin, owner.id(), jim.id())));

        String byName = unique("own by name");
        postOk(locked, payload(byName, channel.getString("name")));
        assertEquals(byName, newestPost(owner.client(), id(channel)).getString("message"));
        String byHashName = unique("own by #name");
        postOk(locked, payload(byHashName, "#" + channel.getString("name")));
        assertEquals(byHashName, newestPost(owner.client(), id(channel)).getString("message"));
        String unnamed = unique("own without channel");
        postOk(locked, payload(unnamed, null));
        assertEquals(unnamed, newestPost(owner.client(), id(channel)).getString("message"));
        assertEquals(ownBefore + 3, count(id(channel)));
    }

    @Test
    void aPrivateGroupTakesPostsOnlyWhileTheCreatorIsAMember() {
        JsonObject group = createChannel(owner.client(), teamId, "P");
        String groupId = id(group);
        JsonObject onTownSquare = createHook(owner.client(), townSquare);
        JsonObject onGroup = createHook(owner.client(), groupId);

        String byName = unique("into the group by name");
        postOk(onTownSquare, payload(byName, group.getString("name")));
        assertEquals(byName, newestPost(owner.client(), groupId).getString("message"));
        String own = unique("group hook");
        postOk(onGroup, payload(own, null));
        assertEquals(own, newestPost(owner.client(), groupId).getString("message"));

        assertStatusOk(admin.delete("/api/v4/channels/" + groupId + "/members/" + owner.id()));
        int before = count(groupId);

        assertError(
                403,
                "action_prohibited",
                hookJson(onTownSquare.getString("id"), payload(unique("x"), group.getString("name"))));
        assertError(
                403,
                "action_prohibited",
                hookJson(onTownSquare.getString("id"), payload(unique("x"), "#" + group.getString("name"))));
        assertError(403, "action_prohibited", hookJson(onGroup.getString("id"), payload(unique("x"), null)));
        assertEquals(before, count(groupId));
    }

    @Test
    void aPrivateGroupTheCreatorWasNeverInIs403() {
        TestUser other = newUser(admin, "oth");
        addTeamMember(owner.client(), teamId, other.id());
        JsonObject secret = createChannel(other.client(), teamId, "P");
        int before = count(id(secret));
        int ownBefore = count(id(channel));

        assertError(
                403,
                "action_prohibited",
                hookJson(hook.getString("id"), payload(unique("x"), secret.getString("name"))));
        assertEquals(before, count(id(secret)));
        assertEquals(ownBefore, count(id(channel)));

        // A member of it may use it: the hook acts with its creator's rights, checked per post.
        addChannelMember(other.client(), id(secret), owner.id());
        postOk(hook, payload(unique("now a member"), secret.getString("name")));
        assertEquals(before + 1, count(id(secret)));
    }

    @Test
    void anArchivedChannelIs410() {
        JsonObject archived = createChannel(owner.client(), teamId, "O");
        int before = count(id(archived));
        assertStatusOk(owner.client().delete("/api/v4/channels/" + id(archived)));
        int ownBefore = count(id(channel));

        assertError(
                410,
                "channel_is_archived",
                hookJson(hook.getString("id"), payload(unique("x"), archived.getString("name"))));
        assertError(
                410,
                "channel_is_archived",
                hookJson(hook.getString("id"), payload(unique("x"), "#" + archived.getString("name"))));

        assertEquals(ownBefore, count(id(channel)), "not redirected to the hook's channel");
        HttpResponse<String> restored = admin.post("/api/v4/channels/" + id(archived) + "/restore");
        assertEquals(200, restored.statusCode(), restored.body());
        assertEquals(before, count(id(archived)));
    }

    @Test
    void aDeactivatedCreatorsHookIs403() {
        TestUser creator = newUser(admin, "gone");
        addTeamMember(owner.client(), teamId, creator.id());
        JsonObject hookOfCreator = createHook(creator.client(), id(channel));
        String offTopic = channelByName(owner.client(), teamId, "off-topic").getString("id");
        postOk(hookOfCreator, payload(unique("while active"), null));

        assertStatusOk(admin.delete("/api/v4/users/" + creator.id()));
        int before = count(id(channel));
        int offTopicBefore = count(offTopic);

        assertError(403, "action_prohibited", hookJson(hookOfCreator.getString("id"), payload(unique("x"), null)));
        assertError(
                403, "action_prohibited", hookJson(hookOfCreator.getString("id"), payload(unique("x"), "off-topic")));
        assertEquals(before, count(id(channel)));
        assertEquals(offTopicBefore, count(offTopic));
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static String id(JsonObject object) {
        return object.getString("id");
    }

    private int count(String channelId) {
        return postCount(admin, channelId);
    }

    private static String unique(String text) {
        return text + " " + ApiFixtures.suffix();
    }

    /** {@code {"text": text, "channel": channel}}; no channel field when {@code channel} is null. */
    private static String payload(String text, String channel) {
        var object = Json.createObjectBuilder().add("text", text);
        if (channel != null) {
            object.add("channel", channel);
        }
        return object.build().toString();
    }

    private static void postOk(JsonObject hook, String payload) {
        assertHookOk(hookJson(hook.getString("id"), payload));
    }
}
