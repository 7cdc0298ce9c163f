package io.hookline.web.console.hooks;

import io.hookline.api.hook.WebhookPayload;
import io.hookline.web.hooks.HookBodyParser;
import io.hookline.web.hooks.HookResource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * The "Try it" editor's text as the body of a real {@code POST /hooks/{id}} with {@code Content-Type:
 * application/json}: the same size bound (ServiceSettings.MaximumPayloadSizeBytes, 413 {@code payload_too_large})
 * and the same parser, so the panel answers what the real request would. Pure Java, unit-tested.
 */
final class TrialPayload {

    /** The body type the editor's text is sent as: what the README's curl examples send. */
    static final String CONTENT_TYPE = "application/json";

    /**
     * The spec's first example (the build-break table), as a person would type it: raw line breaks inside the
     * JSON string, which Mattermost and Hookline accept.
     */
    static final String SAMPLE = """
            {"text": "
            ---
            ##### Build Break - Project X - December 12, 2015 - 15:32 GMT +0
            | Component  | Tests Run   | Tests Failed                                   |
            |:-----------|:------------|:-----------------------------------------------|
            | Server     | 948         | :white_check_mark: 0                           |
            | Web Client | 123         | :warning: [2 (see details)](http://linktologs) |
            | iOS Client | 78          | :warning: [3 (see details)](http://linktologs) |
            ---
            "}""";

    private TrialPayload() {}

    /**
     * The payload the editor's text stands for, or the {@code HooklineException} the real request would get.
     * Browsers submit a textarea's line breaks as CR LF whatever was typed; they are taken back to the LF a
     * person typed (and a curl of the same text would send), so the preview and the post match that request.
     */
    static WebhookPayload parse(String editorText, int maxBytes) {
        return HookBodyParser.parse(CONTENT_TYPE, body(editorText, maxBytes));
    }

    /** The request body the editor's text makes, within {@code maxBytes} or 413 as the real request. */
    static byte[] body(String editorText, int maxBytes) {
        String text = editorText == null ? "" : editorText.replace("\r\n", "\n");
        // The byte count is the real request's, not the character count: UTF-8, as the editor's text is sent.
        return HookResource.readCapped(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), maxBytes);
    }
}
