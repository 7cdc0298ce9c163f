package io.hookline.ejb.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import io.hookline.ejb.slack.MentionResolver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class SlackContentTest {

    /** Props of a text-only post whose JSON is exactly {@code length} characters. */
    private static JsonObject propsOfLength(int length) {
        String overhead = "{\"big\":\"\"}";
        JsonObject props = Json.createObjectBuilder()
                .add("big", "x".repeat(length - overhead.length()))
                .build();
        assertEquals(length, props.toString().length());
        return props;
    }

    private static SlackContent textOnly() {
        return SlackContent.of(
                new WebhookPayload("hello", null, null, null, null, null, null, null, null, null, null),
                MentionResolver.NONE);
    }

    @Test
    void textOnlyPropsAtTheCapAreKept() {
        JsonObject props = propsOfLength(SlackContent.MAX_PROPS_LENGTH);
        assertSame(props, textOnly().addTo(props, null));
    }

    @Test
    void textOnlyPropsPastTheCapAreRefused() {
        HooklineException e = assertThrows(
                HooklineException.class,
                () -> textOnly().addTo(propsOfLength(SlackContent.MAX_PROPS_LENGTH + 1), null));
        assertEquals(400, e.status());
        assertEquals("invalid_payload", e.id());
    }
}
