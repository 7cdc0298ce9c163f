package io.hookline.run;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code name=value} arguments the run profiles pass to their start classes: named, so the pom reads
 * as a list of settings rather than a row of positional paths.
 */
final class RunArgs {

    private final Map<String, String> values = new HashMap<>();

    private RunArgs() {}

    static RunArgs parse(String[] args) {
        RunArgs parsed = new RunArgs();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Expected name=value, got: " + arg);
            }
            parsed.values.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return parsed;
    }

    String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing argument " + name + "=…");
        }
        return value;
    }

    /**
     * Every argument whose name starts with {@code prefix}, keyed by the rest of its name: how a profile hands
     * settings through in bulk ({@code env.HOOKLINE_ADMIN_USERNAME=…} becomes the server's environment variable).
     */
    Map<String, String> prefixed(String prefix) {
        Map<String, String> found = new HashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                found.put(name.substring(prefix.length()), value);
            }
        });
        return found;
    }

    Path path(String name) {
        return Path.of(get(name)).toAbsolutePath().normalize();
    }

    int integer(String name) {
        String value = get(name).trim();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(name + " must be a whole number, got: " + value);
        }
    }
}
