package io.hookline.ejb.slack;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the Slack vector tests share: reading a vector file, and a mention resolver backed by two maps. */
final class SlackVectors {

    private SlackVectors() {}

    /**
     * A JSON array of vector objects from the test classpath, holding at least {@code minimum} of them: each
     * reader names the count its file had when it last grew, so a file that loses cases fails its tests.
     */
    static List<JsonObject> load(String resource, int minimum) throws IOException {
        try (InputStream in = SlackVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            try (JsonReader reader = Json.createReader(in)) {
                List<JsonObject> vectors = reader.readArray().getValuesAs(JsonObject.class);
                if (vectors.size() < minimum) {
                    throw new AssertionError(resource + " has " + vectors.size() + " cases, fewer than " + minimum
                            + ": cases were lost (when adding cases, raise the minimum next to its reader to the new"
                            + " count)");
                }
                return vectors;
            }
        }
    }
}

/** A resolver backed by two maps, as described by a vector's optional "users" / "channels". */
record MapResolver(Map<String, String> users, Map<String, String> channels) implements MentionResolver {

    /** The resolver a vector describes with its optional {@code "users"} and {@code "channels"} objects. */
    static MapResolver of(JsonObject vector) {
        return new MapResolver(stringMap(vector, "users"), stringMap(vector, "channels"));
    }

    private static Map<String, String> stringMap(JsonObject vector, String key) {
        Map<String, String> map = new HashMap<>();
        JsonObject object = vector.getJsonObject(key);
        if (object != null) {
            object.forEach((k, value) -> map.put(k, ((JsonString) value).getString()));
        }
        return map;
    }

    /** Answers only the ids asked for, as a database would. */
    @Override
    public Names resolve(Set<String> userIds, Set<String> channelIds) {
        return new Names(only(users, userIds), only(channels, channelIds));
    }

    private static Map<String, String> only(Map<String, String> names, Set<String> ids) {
        Map<String, String> asked = new HashMap<>(names);
        asked.keySet().retainAll(ids);
        return asked;
    }
}
