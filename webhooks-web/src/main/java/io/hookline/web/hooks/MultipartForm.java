package io.hookline.web.hooks;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal {@code multipart/form-data} reader (RFC 7578) for hook bodies, which the caller has
 * already read under the payload size cap: the parts' names and their UTF-8 text, first part of a
 * name wins. File parts ({@code curl -F payload=@msg.json}) are read as text like any other.
 */
final class MultipartForm {

    private static final Pattern NAME = Pattern.compile("(?i)(?:^|;)\\s*name=(?:\"([^\"]*)\"|([^;\\s]+))");
    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

    private MultipartForm() {}

    /** The {@code boundary} parameter of a multipart Content-Type, or a 400 when there is none. */
    static String boundaryOf(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                if (!b.isEmpty() && b.length() <= 70) {
                    return b;
                }
            }
        }
        throw HookBodyParser.invalid("The multipart Content-Type has no valid boundary.");
    }

    static Map<String, String> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, String> fields = new LinkedHashMap<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw HookBodyParser.invalid("The multipart body has no part.");
        }
        while (true) {
            int afterDelimiter = at + delimiter.length;
            if (startsWith(body, afterDelimiter, "--")) {
                return fields; // closing delimiter
            }
            int headersStart = skipLineBreak(body, afterDelimiter);
            int headersEnd = indexOf(body, CRLF_CRLF, headersStart);
            if (headersEnd < 0) {
                throw HookBodyParser.invalid("A multipart part has no end of headers.");
            }
            int contentStart = headersEnd + CRLF_CRLF.length;
            int next = indexOf(body, delimiter, contentStart);
            if (next < 0) {
                throw HookBodyParser.invalid("The multipart body is not terminated.");
            }
            int contentEnd = next >= 2 && body[next - 2] == '\r' && body[next - 1] == '\n' ? next - 2 : next;
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            String name = partName(headers);
            if (name != null) {
                fields.putIfAbsent(
                        name,
                        new String(body, contentStart, Math.max(0, contentEnd - contentStart), StandardCharsets.UTF_8));
            }
            at = next;
        }
    }

    private static String partName(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
                Matcher m = NAME.matcher(line.substring(colon + 1));
                if (m.find()) {
                    return m.group(1) != null ? m.group(1) : m.group(2);
                }
            }
        }
        return null;
    }

    private static int skipLineBreak(byte[] body, int at) {
        if (startsWith(body, at, "\r\n")) {
            return at + 2;
        }
        return startsWith(body, at, "\n") ? at + 1 : at;
    }

    private static boolean startsWith(byte[] body, int at, String ascii) {
        if (at + ascii.length() > body.length) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (body[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
