package io.hookline.it;

import static io.hookline.it.ApiFixtures.addTeamMember;
import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.createHook;
import static io.hookline.it.ApiFixtures.createTeam;
import static io.hookline.it.ApiFixtures.newUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures.TestUser;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Optional;
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
 * Issue 15: the console's hook edit page is addressed by a short console key, never by the hook id (the
 * secret of the hook URL); old {@code ?id=} links lead to the hook list without opening or naming the hook.
 * Over plain HTTP with a console session; IntegrationsBrowserIT walks the same pages in Chromium.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HookEditLinksIT {

    private static final Pattern EDIT_LINK =
            Pattern.compile("href=\"[^\"]*/console/hooks/edit\\.xhtml\\?hook=([^\"&]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @Test
    void theEditPageIsOpenedByAConsoleKeyAndNeverShowsTheHookId() {
        HooklineClient admin = ApiFixtures.admin();
        TestUser owner = newUser(admin, "hek");
        TestUser other = newUser(admin, "heo");
        String teamId = createTeam(owner.client()).getString("id");
        addTeamMember(owner.client(), teamId, other.id());
        String channelId = createChannel(owner.client(), teamId, "O").getString("id");
        JsonObject hook = createHook(owner.client(), channelId);
        String hookId = hook.getString("id");

        ConsoleSession console = ConsoleSession.signIn(owner.username(), owner.password());
        String key = editKeyOf(console, hookId);
        assertFalse(key.contains(hookId) || hookId.contains(key), "the key is no part of the id: " + key);
        assertTrue(key.length() <= 16, key);

        HttpResponse<String> edit = console.get("/console/hooks/edit.xhtml?hook=" + key);
        assertEquals(200, edit.statusCode(), edit.body());
        assertTrue(edit.body().contains("Edit Incoming Webhook"), edit.body());
        assertTrue(
                edit.body().contains("value=\"" + hook.getString("display_name") + "\""), "the hook's title is shown");
        assertFalse(edit.body().contains(hookId), "the edit page never carries the hook id");
        assertFalse(edit.body().contains(hookId.substring(0, 12)), "not even part of it");

        // Links from before console keys: sent to the list, nothing of the hook opened, the id not carried on.
        HttpResponse<String> legacy = console.get("/console/hooks/edit.xhtml?id=" + hookId);
        assertEquals(200, legacy.statusCode(), legacy.body());
        assertEquals("/console/hooks/index.xhtml", legacy.uri().getPath());
        assertEquals(null, legacy.uri().getQuery());
        Optional<HttpResponse<String>> redirect = legacy.previousResponse();
        assertTrue(redirect.isPresent(), "a redirect, not a page under the old URL");
        assertFalse(redirect.get().headers().firstValue("Location").orElse("").contains(hookId));
        HttpResponse<String> unknownLegacy = console.get("/console/hooks/edit.xhtml?id=" + ApiFixtures.unknownId());
        assertEquals(legacy.uri(), unknownLegacy.uri(), "a known and an unknown old id are answered alike");

        // The key is no credential: someone else's key is refused as the id was, unknown keys are 404.
        ConsoleSession stranger = ConsoleSession.signIn(other.username(), other.password());
        assertEquals(403, stranger.get("/console/hooks/edit.xhtml?hook=" + key).statusCode());
        assertEquals(
                404, console.get("/console/hooks/edit.xhtml?hook=zzzzzzzzzzzz").statusCode());
        assertEquals(
                404, console.get("/console/hooks/edit.xhtml?hook=%3Cscript%3E").statusCode());
        assertEquals(
                404,
                console.get("/console/hooks/edit.xhtml?hook=" + "a".repeat(17)).statusCode());
        assertEquals(
                404,
                console.get("/console/hooks/edit.xhtml?hook=" + hookId).statusCode(),
                "the hook id does not work as a key");
    }

    /** The console key in the Edit link of the hook's row on the owner's Integrations page. */
    static String editKeyOf(ConsoleSession console, String hookId) {
        HttpResponse<String> list = console.get("/console/hooks/index.xhtml");
        assertEquals(200, list.statusCode(), list.body());
        String row = Stream.of(ConsoleSession.joinedHookUrls(list.body()).split("<tr"))
                .filter(r -> r.contains("/hooks/" + hookId + "<"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for the hook on the Integrations page"));
        Matcher link = EDIT_LINK.matcher(row);
        assertTrue(link.find(), "no edit link by key in " + row);
        assertFalse(link.group(0).contains(hookId), link.group(0));
        return link.group(1);
    }
}
