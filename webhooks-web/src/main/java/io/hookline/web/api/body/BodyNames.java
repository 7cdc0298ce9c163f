package io.hookline.web.api.body;

import jakarta.json.JsonValue;
import java.util.Locale;

/** What an error message calls a resource method's body: "channel" for a NewChannelRequest, "body" for raw JSON. */
final class BodyNames {

    private BodyNames() {}

    static String of(Class<?> type) {
        if (type == null
                || JsonValue.class.isAssignableFrom(type)
                || !type.getSimpleName().endsWith("Request")) {
            return "body";
        }
        String name = type.getSimpleName().replaceFirst("Request$", "").replaceFirst("^New", "");
        return name.isEmpty() ? "body" : name.toLowerCase(Locale.ROOT);
    }
}
