package io.hookline.ejb.hook;

import io.hookline.api.error.HooklineException;
import io.hookline.ejb.common.Errors;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.NoSuchElementException;

/**
 * How long a rotated hook's previous URL keeps working: the optional body of
 * {@code POST /api/v4/hooks/incoming/{hook_id}/rotate}, {@code {"grace_seconds": N}}. One owner for the rule:
 * the API and the console's "Rotate URL" both come through {@link #seconds(long)}.
 */
public final class RotationGrace {

    /** Looked up once: {@code Json.create…} asks the ServiceLoader for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** A day: senders that run daily (nightly builds, reports) get one chance to pick up the new URL. */
    public static final long DEFAULT_SECONDS = 86_400;
    /** 0: the old URL stops at once, as regenerating does (and the rotation is still marked in the audit log). */
    public static final long MIN_SECONDS = 0;
    /** 30 days: a leaked URL must not stay usable for longer. */
    public static final long MAX_SECONDS = 2_592_000;
    /** The field of the request body. */
    public static final String FIELD = "grace_seconds";

    private static final String ENTITY = "incoming_hook";

    private RotationGrace() {}

    /**
     * The grace period a request body asks for: {@link #DEFAULT_SECONDS} for an empty body, an empty object or
     * a {@code null} field; 400 {@code model.incoming_hook.is_valid.grace_seconds.app_error} for anything but a
     * whole number of seconds in [{@link #MIN_SECONDS}, {@link #MAX_SECONDS}], and 400
     * {@code api.context.invalid_body_param.app_error} for a body that is not a JSON object.
     */
    public static long fromBody(String body) {
        if (body == null || body.isBlank()) {
            return DEFAULT_SECONDS;
        }
        JsonObject object;
        // A parser rather than a reader: anything after the object ("{...} trailing") is refused too.
        try (JsonParser parser = JSON.createParser(new StringReader(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw invalidBody();
            }
            object = parser.getObject();
            if (parser.hasNext()) {
                throw invalidBody();
            }
        } catch (JsonException | IllegalStateException | NoSuchElementException notJson) {
            throw invalidBody();
        }
        JsonValue grace = object.get(FIELD);
        if (grace == null || grace == JsonValue.NULL) {
            return DEFAULT_SECONDS;
        }
        if (!(grace instanceof JsonNumber number) || !number.isIntegral()) {
            throw outOfRange();
        }
        // Compared as a big number: a huge value must be refused, not wrapped into range.
        BigDecimal value = number.bigDecimalValue();
        if (value.compareTo(BigDecimal.valueOf(MIN_SECONDS)) < 0
                || value.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) {
            throw outOfRange();
        }
        return value.longValueExact();
    }

    /** {@code seconds} when allowed, else the same 400 as {@link #fromBody}. */
    public static long seconds(long seconds) {
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw outOfRange();
        }
        return seconds;
    }

    private static HooklineException outOfRange() {
        return Errors.invalidField(
                ENTITY,
                FIELD,
                "a whole number of seconds from " + MIN_SECONDS + " to " + MAX_SECONDS + " (30 days); "
                        + DEFAULT_SECONDS + " when absent.");
    }

    private static HooklineException invalidBody() {
        return HooklineException.badRequest(
                "api.context.invalid_body_param.app_error",
                "Invalid or missing rotation in request body: a JSON object such as {\"" + FIELD + "\": 3600}.");
    }
}
