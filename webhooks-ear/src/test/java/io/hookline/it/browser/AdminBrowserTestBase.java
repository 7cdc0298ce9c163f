package io.hookline.it.browser;

import static io.hookline.it.ApiFixtures.createChannel;
import static io.hookline.it.ApiFixtures.mainTeamId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookline.it.HooklineClient;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;

/**
 * A browser test's Chromium ({@link BrowserTestBase}) with the first admin made sure of (through the first-run
 * page if need be, not signed in) and the admin's API client, to arrange data the test is not about.
 */
abstract class AdminBrowserTestBase extends BrowserTestBase {

    static HooklineClient admin;

    @BeforeAll
    static void ensureAdminAndItsApi() {
        ConsoleUsers.ensureAdmin(browser);
        admin = ConsoleUsers.adminApi();
    }

    /** A new public channel in the admin's main team; its id. */
    static String newOpenChannel() {
        return createChannel(admin, mainTeamId(admin), "O").getString("id");
    }

    /** A new incoming hook of the admin's into {@code channelId}, with only a display name; its id. */
    static String newHook(String channelId, String displayName) {
        HttpResponse<String> created = admin.postJson(
                "/api/v4/hooks/incoming",
                Json.createObjectBuilder()
                        .add("channel_id", channelId)
                        .add("display_name", displayName)
                        .build());
        assertEquals(201, created.statusCode(), created.body());
        return HooklineClient.json(created).getString("id");
    }
}
