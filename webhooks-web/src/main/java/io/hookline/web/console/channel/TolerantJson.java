package io.hookline.web.console.channel;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Reads a stored post's props without trusting their shape: a member of the wrong JSON type counts as
 * absent, so a post written by an older version or another client shows what it can instead of
 * failing the whole channel page.
 */
final class TolerantJson {

    private TolerantJson() {}

    /** The member when it is a string that is not blank, else null. */
    static String text(JsonObject object, String key) {
        JsonValue value = object == null ? null : object.get(key);
        if (value instanceof JsonString string) {
            String s = string.getString();
            return s.isBlank() ? null : s;
        }
        return null;
    }

    /** The value when it is an object, else null. */
    static JsonObject object(JsonValue value) {
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
    }

    /** The value when it is an array, else an empty array. */
    static JsonArray array(JsonValue value) {
        return value != null && value.getValueType() == JsonValue.ValueType.ARRAY
                ? value.asJsonArray()
                : JsonValue.EMPTY_JSON_ARRAY;
    }

    /** Whether the member is the JSON literal {@code true} (not the string, not a number). */
    static boolean isTrue(JsonObject object, String key) {
        JsonValue value = object == null ? null : object.get(key);
        return value != null && value.getValueType() == JsonValue.ValueType.TRUE;
    }
}
