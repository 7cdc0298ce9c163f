package io.hookline.web.hooks;

import jakarta.json.JsonValue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Refuses JSON that would hurt later: nesting deeper than a real payload ever needs (stack depth
 * in every later walk), and the NUL character anywhere in a key or string, which PostgreSQL cannot
 * store in text (Mattermost answers 500 there; a clean 400 is the truthful answer).
 */
final class PayloadChecks {

    private PayloadChecks() {}

    static void requireSane(JsonValue root, int maxDepth) {
        // Iterative walk: the check itself must not be the thing that overflows the stack.
        Deque<Map.Entry<JsonValue, Integer>> pending = new ArrayDeque<>();
        pending.push(Map.entry(root, 1));
        while (!pending.isEmpty()) {
            Map.Entry<JsonValue, Integer> next = pending.pop();
            JsonValue value = next.getKey();
            int depth = next.getValue();
            switch (value.getValueType()) {
                case OBJECT -> {
                    requireDepth(depth, maxDepth);
                    for (Map.Entry<String, JsonValue> member :
                            value.asJsonObject().entrySet()) {
                        requireNoNul(member.getKey());
                        pending.push(Map.entry(member.getValue(), depth + 1));
                    }
                }
                case ARRAY -> {
                    requireDepth(depth, maxDepth);
                    for (JsonValue element : value.asJsonArray()) {
                        pending.push(Map.entry(element, depth + 1));
                    }
                }
                case STRING -> requireNoNul(((jakarta.json.JsonString) value).getString());
                default -> {}
            }
        }
    }

    private static void requireDepth(int depth, int maxDepth) {
        if (depth > maxDepth) {
            throw HookBodyParser.invalid("The payload nests deeper than " + maxDepth + " levels.");
        }
    }

    private static void requireNoNul(String s) {
        if (s.indexOf('\u0000') >= 0) {
            throw HookBodyParser.invalid("The payload contains a NUL character.");
        }
    }
}
