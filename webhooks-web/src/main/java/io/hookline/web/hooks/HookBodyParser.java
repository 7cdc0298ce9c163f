package io.hookline.web.hooks;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns the body of a {@code POST /hooks/{id}} into a {@link WebhookPayload}, in the forms real
 * integrations send: a form with a {@code payload} field, or JSON (declared, or with no
 * Content-Type at all, as Mattermost accepts). Pure Java, so every rule is unit-tested.
 */
public final class HookBodyParser {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String PAYLOAD_FIELD = "payload=";

    private HookBodyParser() {
    }

    public static WebhookPayload parse(String contentType, byte[] body) {
        String mediaType = mediaTypeOf(contentType);
        String json = FORM.equals(mediaType) ? payloadField(body) : utf8(body);
        return fromJson(json);
    }

    /** The bare media type, lowercased; {@code null} when the header is absent. A malformed header is a 400. */
    static String mediaTypeOf(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!type.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")) {
            throw invalid("The Content-Type header is malformed.");
        }
        return type;
    }

    /**
     * The {@code payload} field of a form body. Senders using {@code curl -d 'payload={...}'} do not
     * URL-encode; a raw opening brace right after {@code payload=} marks such a body, taken verbatim so
     * that {@code &}, {@code +} and {@code %} in the message survive.
     */
    private static String payloadField(byte[] body) {
        String form = utf8(body);
        int pairStart = 0;
        while (pairStart <= form.length()) {
            int pairEnd = form.indexOf('&', pairStart);
            if (pairEnd < 0) {
                pairEnd = form.length();
            }
            if (form.startsWith(PAYLOAD_FIELD, pairStart)) {
                int valueStart = pairStart + PAYLOAD_FIELD.length();
                if (valueStart < form.length() && form.charAt(valueStart) == '{') {
                    return form.substring(valueStart);
                }
                try {
                    return URLDecoder.decode(form.substring(valueStart, pairEnd), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException badEscape) {
                    throw invalid("The payload field is not correctly URL-encoded.");
                }
            }
            pairStart = pairEnd + 1;
        }
        throw invalid("The form has no payload field.");
    }

    private static WebhookPayload fromJson(String json) {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        JsonObject object;
        try {
            object = readObject(text);
        } catch (JsonException | IllegalStateException strictFailed) {
            // Mattermost's leniency: hand-written payloads (the spec's own build-break table) put raw
            // line breaks and tabs inside strings. Escape those and try once more.
            try {
                object = readObject(escapeControlCharactersInStrings(text));
            } catch (JsonException | IllegalStateException notJson) {
                throw invalid("The payload is not valid JSON.");
            }
        }
        return new WebhookPayload(
                string(object, "text", false),
                string(object, "channel", true),
                string(object, "username", true),
                string(object, "icon_url", true),
                string(object, "icon_emoji", true));
    }

    private static JsonObject readObject(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid("The payload must be a JSON object.");
            }
            return value.asJsonObject();
        }
    }

    /** Replaces raw CR, LF and TAB inside JSON string literals by their escapes; everything else unchanged. */
    static String escapeControlCharactersInStrings(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString && !escaped && (c == '\n' || c == '\r' || c == '\t')) {
                out.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t");
                continue;
            }
            out.append(c);
            if (escaped) {
                escaped = false;
            } else if (c == '\\' && inString) {
                escaped = true;
            } else if (c == '"') {
                inString = !inString;
            }
        }
        return out.toString();
    }

    /** A string field; absent or null is "not set", and so is "" where {@code emptyMeansUnset}. */
    private static String string(JsonObject object, String name, boolean emptyMeansUnset) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw invalid("The field '" + name + "' must be a string.");
        }
        String s = ((JsonString) value).getString();
        return emptyMeansUnset && s.isEmpty() ? null : s;
    }

    private static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static HooklineException invalid(String message) {
        return HooklineException.badRequest("invalid_payload", message);
    }
}
