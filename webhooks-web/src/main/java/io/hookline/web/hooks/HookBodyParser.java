package io.hookline.web.hooks;

import io.hookline.api.error.HooklineException;
import io.hookline.api.hook.WebhookPayload;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
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

    /** Looked up once: {@code Json.create…} asks the ServiceLoader for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data";
    private static final String PAYLOAD_FIELD = "payload=";
    /** Longest Content-Type header accepted; real ones are a few dozen characters. */
    static final int MAX_CONTENT_TYPE_LENGTH = 1024;
    /** Deepest JSON nesting accepted; real payloads (attachments, Block Kit) stay far below it. */
    public static final int MAX_JSON_DEPTH = 32;
    /** The fields a multipart body may send as parts, when it has no {@code payload} part. */
    private static final java.util.List<String> MULTIPART_STRING_FIELDS =
            java.util.List.of("text", "channel", "username", "icon_url", "icon_emoji", "type", "root_id", "thread_ts");

    private HookBodyParser() {}

    public static WebhookPayload parse(String contentType, byte[] body) {
        String mediaType = mediaTypeOf(contentType);
        if (MULTIPART.equals(mediaType)) {
            return fromMultipart(MultipartForm.parse(body, MultipartForm.boundaryOf(contentType)));
        }
        if (FORM.equals(mediaType)) {
            return fromObject(formPayload(utf8(body)));
        }
        return fromObject(parseJson(utf8(body)));
    }

    /**
     * A form's {@code payload} field; or, when it has none, the whole body if that is a JSON object
     * ({@code curl -d '{"text":"hi"}' URL} sends JSON as a form, curl's default type; Rocket.Chat takes it as
     * JSON). Anything else (a form of other fields, an array, broken JSON) keeps the answer it always had.
     */
    private static JsonObject formPayload(String form) {
        String field = payloadField(form);
        if (field != null) {
            return parseJson(field);
        }
        String text = form.startsWith("\uFEFF") ? form.substring(1) : form;
        if (text.stripLeading().startsWith("{")) {
            JsonValue value;
            try {
                value = parseJsonValue(text);
            } catch (HooklineException notJson) {
                value = null;
            }
            if (value != null && value.getValueType() == JsonValue.ValueType.OBJECT) {
                return value.asJsonObject();
            }
        }
        throw invalid("The form has no payload field.");
    }

    /** A {@code payload} part holds the JSON; otherwise each field is its own part (curl -F text=...). */
    private static WebhookPayload fromMultipart(java.util.Map<String, String> parts) {
        String payload = parts.get("payload");
        if (payload != null) {
            return fromObject(parseJson(payload));
        }
        jakarta.json.JsonObjectBuilder object = JSON.createObjectBuilder();
        for (String field : MULTIPART_STRING_FIELDS) {
            if (parts.containsKey(field)) {
                object.add(field, parts.get(field));
            }
        }
        for (String jsonField : new String[] {"attachments", "props", "priority", "blocks"}) {
            if (parts.containsKey(jsonField)) {
                object.add(jsonField, parseJsonValue(parts.get(jsonField)));
            }
        }
        jakarta.json.JsonObject fields = object.build();
        // Field parts never went through the JSON parser's checks: NUL is refused here too.
        PayloadChecks.requireSane(fields, MAX_JSON_DEPTH);
        return fromObject(fields);
    }

    /**
     * The bare media type, lowercased; {@code null} when the header is absent (Mattermost reads such a body as
     * JSON). A header that is present but empty, only parameters, missing its subtype or otherwise unreadable
     * is a 400: the sender declared something, and it is not a media type.
     */
    static String mediaTypeOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        if (contentType.isBlank()) {
            throw invalid("The Content-Type header is empty.");
        }
        if (contentType.length() > MAX_CONTENT_TYPE_LENGTH) {
            throw invalid("The Content-Type header is longer than " + MAX_CONTENT_TYPE_LENGTH + " characters.");
        }
        return ContentTypeHeader.mediaType(contentType);
    }

    /**
     * The {@code payload} field of a form body. Senders using {@code curl -d 'payload={...}'} do not
     * URL-encode; a raw opening brace right after {@code payload=} marks such a body, taken verbatim so
     * that {@code &}, {@code +} and {@code %} in the message survive. Null when the form has none.
     */
    private static String payloadField(String form) {
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
        return null;
    }

    private static JsonObject parseJson(String json) {
        JsonValue value = parseJsonValue(json);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("The payload must be a JSON object.");
        }
        return value.asJsonObject();
    }

    private static JsonValue parseJsonValue(String json) {
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        JsonValue value;
        try {
            // Mattermost's leniency: hand-written payloads (the spec's own build-break table) put raw line
            // breaks and tabs inside strings. Escaping them before the one parse changes no strict JSON (its
            // strings hold none), and spares such payloads a failed parse first: a parser exception with a
            // localized message and a stack trace, a third of the benchmark's requests (bench/README.md).
            value = readValue(hasLineBreakOrTab(text) ? escapeControlCharactersInStrings(text) : text);
        } catch (JsonException | IllegalStateException notJson) {
            throw invalid("The payload is not valid JSON.");
        }
        PayloadChecks.requireSane(value, MAX_JSON_DEPTH);
        return value;
    }

    private static WebhookPayload fromObject(JsonObject object) {
        JsonArray attachments = objectArray(singleObjectAsArray(object, "attachments"), "attachments");
        if (attachments != null && attachments.size() > WebhookPayload.MAX_ATTACHMENTS) {
            throw HooklineException.badRequest(
                    "too_many_attachments", "At most " + WebhookPayload.MAX_ATTACHMENTS + " attachments per message.");
        }
        return new WebhookPayload(
                string(object, "text", false),
                string(object, "channel", true),
                string(object, "username", true),
                string(object, "icon_url", true),
                string(object, "icon_emoji", true),
                attachments,
                objectArray(object, "blocks"),
                object(object, "props"),
                string(object, "type", true),
                string(object, "root_id", true),
                object(object, "priority"),
                threadTs(object));
    }

    /**
     * Slack's {@code thread_ts}: a string, or a JSON number written like one ({@code 1700000000.000100}), taken
     * as its text. {@code reply_broadcast}, its companion, is accepted and ignored (no field reads it).
     */
    private static String threadTs(JsonObject object) {
        JsonValue value = object.get("thread_ts");
        if (value instanceof jakarta.json.JsonNumber number) {
            return number.bigDecimalValue().toPlainString();
        }
        return string(object, "thread_ts", true);
    }

    /**
     * Strict JSON. Any parser failure is the sender's malformed input, whatever the parser throws
     * for it: Parsson signals "too deeply nested" with a bare RuntimeException, and a parser without
     * such a limit would overflow the stack; neither may become a 500.
     */
    private static JsonValue readValue(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError unparseable) {
            throw new JsonException("unparseable JSON", unparseable);
        }
    }

    /**
     * Some clients (Debian's ruby-slack-notifier given a hash) send one attachment as a bare object
     * instead of a one-element array: Slack accepts that, so do we.
     */
    private static JsonObject singleObjectAsArray(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            return object;
        }
        return JSON.createObjectBuilder(object)
                .add(name, JSON.createArrayBuilder().add(value))
                .build();
    }

    /** An array of objects, or null when absent; a null element or another type is a 400 naming the field. */
    private static JsonArray objectArray(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw invalid("The field '" + name + "' must be an array.");
        }
        JsonArray array = value.asJsonArray();
        for (JsonValue element : array) {
            if (element.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid("Every element of '" + name + "' must be an object (found "
                        + element.getValueType().name().toLowerCase(Locale.ROOT) + ").");
            }
        }
        return array;
    }

    private static JsonObject object(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("The field '" + name + "' must be an object.");
        }
        return value.asJsonObject();
    }

    /** Replaces raw CR, LF and TAB inside JSON string literals by their escapes; everything else unchanged. */
    private static boolean hasLineBreakOrTab(String json) {
        return json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0 || json.indexOf('\t') >= 0;
    }

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

    static HooklineException invalid(String message) {
        return HooklineException.badRequest("invalid_payload", message);
    }
}
