package io.hookline.web.console.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrialPayloadTest {

    private static final int MAX = 300_000;

    @Test
    void theSampleIsTheSpecsBuildBreakTable() {
        WebhookPayload payload = TrialPayload.parse(TrialPayload.SAMPLE, MAX);
        assertTrue(
                payload.text()
                        .contains("##### Build Break - Project X - December 12, 2015 - 15:32 GMT +0\n"
                                + "| Component  | Tests Run   | Tests Failed                                   |\n"),
                payload.text());
        assertTrue(payload.text().startsWith("\n---\n"), payload.text());
    }

    @Test
    void theBrowsersCrLfLineBreaksAreTheLfAPersonTyped() {
        WebhookPayload payload = TrialPayload.parse("{\"text\": \"a\r\nb\"}\r\n", MAX);
        assertEquals("a\nb", payload.text());
        assertEquals(13, TrialPayload.body("{\"text\":\r\n\"a\"}", MAX).length);
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadAndOneByteMoreIs413AsARealRequest() {
        String atLimit = padded(64);
        assertEquals(64, atLimit.getBytes(StandardCharsets.UTF_8).length);
        assertEquals("x".repeat(64 - 12), TrialPayload.parse(atLimit, 64).text());
        HooklineException tooLarge = assertThrows(HooklineException.class, () -> TrialPayload.parse(atLimit + " ", 64));
        assertEquals(413, tooLarge.status());
        assertEquals("payload_too_large", tooLarge.id());
        assertEquals("The request body is larger than 64 bytes.", tooLarge.getMessage());
    }

    @Test
    void theLimitCountsUtf8BytesNotCharacters() {
        // 12 bytes of JSON around 25 two-byte characters: 62 bytes, 37 characters.
        String text = "{\"text\": \"" + "é".repeat(25) + "\"}";
        assertEquals(62, text.getBytes(StandardCharsets.UTF_8).length);
        assertEquals("é".repeat(25), TrialPayload.parse(text, 62).text());
        assertEquals(
                413,
                assertThrows(HooklineException.class, () -> TrialPayload.parse(text, 61))
                        .status());
    }

    @Test
    void brokenJsonAndAnEmptyEditorGetTheRealRequestsErrors() {
        HooklineException broken = assertThrows(HooklineException.class, () -> TrialPayload.parse("{\"text\": ", MAX));
        assertEquals(400, broken.status());
        assertEquals("invalid_payload", broken.id());
        assertEquals("The payload is not valid JSON.", broken.getMessage());
        assertEquals(
                "invalid_payload",
                assertThrows(HooklineException.class, () -> TrialPayload.parse(null, MAX))
                        .id());
        assertEquals(
                "invalid_payload",
                assertThrows(HooklineException.class, () -> TrialPayload.parse("[]", MAX))
                        .id());
    }

    /** {@code {"text": "xxx…"}} of exactly {@code bytes} bytes (12 of them the JSON around the text). */
    private static String padded(int bytes) {
        return "{\"text\": \"" + "x".repeat(bytes - 12) + "\"}";
    }
}
