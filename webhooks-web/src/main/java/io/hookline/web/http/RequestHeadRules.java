package io.hookline.web.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a request head must be for Hookline to read it, whichever server parsed it. Payara's HTTP layer
 * (Grizzly) refuses most of these heads with 400 before any application sees them; WildFly's (Undertow)
 * passes several through, and a few the other way round. One set of rules, applied by
 * {@link MalformedRequestFilter} on both servers, makes the answer the same: on Payara it only ever meets
 * the heads Grizzly lets through. Pure functions over the head as the container parsed it, so each rule is
 * unit-tested without a server.
 */
public final class RequestHeadRules {

    /** Methods whose body has no defined meaning (RFC 9110 9.3.1, 9.3.2, 9.3.5): Grizzly refuses one with a body. */
    private static final Set<String> NO_BODY_METHODS = Set.of("GET", "HEAD", "DELETE");
    /** The methods of RFC 9110 and RFC 5789, all the methods Hookline answers. */
    private static final Set<String> STANDARD_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
    /** The only transfer coding either server decodes the same way. */
    private static final String CHUNKED = "chunked";

    private RequestHeadRules() {}

    /** One header field line as the container parsed it. */
    public record Field(String name, String value) {}

    /**
     * The request head: the method, the request URI as sent (not decoded, no query) and every field line in
     * any order (a name with two values is two fields).
     */
    public record RequestHead(String method, String requestUri, List<Field> fields) {}

    /** Why the head must be refused with 400, or empty when it may go on. The first broken rule wins. */
    public static Optional<String> violation(RequestHead head) {
        int hosts = 0;
        boolean positiveContentLength = false;
        boolean transferEncoding = false;
        for (Field field : head.fields()) {
            if (field.name().isEmpty()) {
                // A line ": value": Undertow drops it, Grizzly hands it on nameless; both let the request
                // through, and a nameless field is one nobody reads.
                continue;
            }
            if (!isToken(field.name())) {
                return Optional.of("a header name is not a token");
            }
            if (!isFieldValue(field.value())) {
                return Optional.of(
                        "the value of header " + field.name() + " has a character outside VCHAR, SP and HTAB");
            }
            String name = field.name().toLowerCase(Locale.ROOT);
            switch (name) {
                case "host" -> hosts++;
                case "content-length" -> positiveContentLength |= isPositive(field.value());
                case "transfer-encoding" -> {
                    transferEncoding = true;
                    if (!onlyChunked(field.value())) {
                        return Optional.of("a transfer coding other than chunked");
                    }
                }
                default -> {
                    // no rule beyond the syntax
                }
            }
        }
        // RFC 9112 3.2: a server MUST answer 400 to more than one Host (Undertow does, Grizzly does not).
        if (hosts > 1) {
            return Optional.of("more than one Host header");
        }
        // Grizzly refuses a body on GET, HEAD and DELETE (its "payload for undefined methods" switch, off).
        if (NO_BODY_METHODS.contains(head.method()) && (positiveContentLength || transferEncoding)) {
            return Optional.of("a body on " + head.method());
        }
        // RFC 9112 3.2 and RFC 3986: a request target is visible ASCII, anything else percent-encoded. Undertow
        // refuses raw bytes above 0x7E itself (its switch to allow them is, in WildFly's words, a request
        // smuggling risk); Grizzly decodes them as UTF-8.
        if (!isVisibleAscii(head.requestUri())) {
            return Optional.of("a raw byte outside visible ASCII in the path");
        }
        // Grizzly's URI check refuses an encoded NUL anywhere in the path; Undertow decodes it into the path.
        if (head.requestUri().contains("%00")) {
            return Optional.of("an encoded NUL in the path");
        }
        return Optional.empty();
    }

    /**
     * A standard method spelled in another case ({@code post}, {@code Get}). Methods are case-sensitive
     * (RFC 9110 9.1), so {@code post} is an unknown method, as Payara's JAX-RS runtime treats it; WildFly's
     * matches methods ignoring case and would run the POST resource.
     */
    public static boolean isCaseVariantOfStandardMethod(String method) {
        return !STANDARD_METHODS.contains(method) && STANDARD_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    /** RFC 9110 5.1: a field name is a token (5.6.2). */
    static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isTchar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTchar(char c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /**
     * RFC 9110 5.5 field content, without obs-text: visible ASCII, space and tab only. The RFC still admits
     * bytes 0x80 to 0xFF as opaque data; Grizzly refuses them, and a header Hookline reads never needs them.
     * CR, LF and NUL (RFC 9110 5.5: "MUST either reject the message or replace") are refused.
     */
    static boolean isFieldValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7E)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisibleAscii(String requestUri) {
        return requestUri.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }

    /** Every coding of a Transfer-Encoding list is chunked (empty list elements are allowed, RFC 9110 5.6.1). */
    static boolean onlyChunked(String transferEncoding) {
        boolean any = false;
        for (String coding : transferEncoding.split(",", -1)) {
            String trimmed = coding.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!trimmed.equalsIgnoreCase(CHUNKED)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** A Content-Length above zero; a malformed one is the container's to refuse, and both servers do. */
    private static boolean isPositive(String contentLength) {
        String digits = contentLength.trim();
        return !digits.isEmpty()
                && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                && digits.chars().anyMatch(c -> c != '0');
    }
}
