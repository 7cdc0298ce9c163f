package io.hookline.web.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookline.api.view.PostView;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The post a hook's sender reads back: Mattermost's names, and nothing a hook has no business seeing. */
class PostJsonTest {

    @Test
    void carriesMattermostsNamesAndLeavesOutTheUserAndTheDeleteTime() {
        PostView post = new PostView(
                "p1",
                10,
                30,
                30,
                0,
                "user-secret",
                "c1",
                "r1",
                "hi **there**",
                "slack_attachment",
                Json.createObjectBuilder().add("from_webhook", "true").build());
        var json = PostJson.of(post);
        assertEquals(
                List.of("id", "create_at", "update_at", "edit_at", "channel_id", "root_id", "message", "props"),
                List.copyOf(json.keySet()));
        assertEquals(
                "{\"id\":\"p1\",\"create_at\":10,\"update_at\":30,\"edit_at\":30,\"channel_id\":\"c1\","
                        + "\"root_id\":\"r1\",\"message\":\"hi **there**\",\"props\":{\"from_webhook\":\"true\"}}",
                json.toString());
    }
}
