package io.hookline.it;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Set-Cookie} header, read as browsers read it (RFC 6265, 5.2): attribute names are case-insensitive, so
 * Payara's {@code Secure; HttpOnly; SameSite=lax} and WildFly's {@code secure; HttpOnly; SameSite=Lax} say the same.
 * Attribute names are kept lower-case; SameSite's value is compared case-insensitively too (its values are).
 */
record SetCookie(String name, String value, Map<String, String> attributes) {

    static SetCookie parse(String header) {
        String[] parts = header.split(";");
        String pair = parts[0].trim();
        int eq = pair.indexOf('=');
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                continue;
            }
            int at = part.indexOf('=');
            String name = (at < 0 ? part : part.substring(0, at)).trim().toLowerCase(Locale.ROOT);
            attributes.put(name, at < 0 ? "" : part.substring(at + 1).trim());
        }
        return new SetCookie(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1), attributes);
    }

    boolean has(String attribute) {
        return attributes.containsKey(attribute.toLowerCase(Locale.ROOT));
    }

    Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name.toLowerCase(Locale.ROOT)));
    }

    boolean sameSiteLax() {
        return attribute("SameSite").map("lax"::equalsIgnoreCase).orElse(false);
    }
}
