package io.hookline.web.hooks;

import java.util.Locale;

/**
 * Reads a Content-Type header by its grammar (RFC 9110 8.3): {@code type "/" subtype *( OWS ";" OWS [ name "="
 * ( token / quoted-string ) ] )}. A hand-written scanner rather than a split on ";" and a regular expression: the
 * split lost the type of {@code ";"} (an index past the end, a 500) and cut quoted values that hold a ";", and a
 * backtracking pattern over a long quoted value overflowed the stack. One pass, no recursion, any input.
 */
final class ContentTypeHeader {

    /** RFC 9110 tchar. */
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private final String header;
    private int at;

    private ContentTypeHeader(String header) {
        this.header = header;
    }

    /** The lower-cased {@code type/subtype}; a 400 {@code invalid_payload} for anything the grammar refuses. */
    static String mediaType(String header) {
        return new ContentTypeHeader(header).read();
    }

    private String read() {
        skipWhitespace();
        int typeStart = at;
        if (!token()) {
            throw HookBodyParser.invalid("The Content-Type header has no media type.");
        }
        if (!next('/') || !token()) {
            throw HookBodyParser.invalid("The Content-Type header's media type has no subtype.");
        }
        String type = header.substring(typeStart, at).toLowerCase(Locale.ROOT);
        while (true) {
            skipWhitespace();
            if (at == header.length()) {
                return type;
            }
            if (!next(';')) {
                throw HookBodyParser.invalid("The Content-Type header is malformed.");
            }
            skipWhitespace();
            if (at < header.length() && header.charAt(at) != ';' && !parameter()) {
                throw HookBodyParser.invalid("The Content-Type header has a malformed parameter.");
            }
        }
    }

    /** {@code name=value}, the value a token or a quoted string; an empty parameter (";;") is not one. */
    private boolean parameter() {
        return token() && next('=') && (quotedString() || token());
    }

    private boolean token() {
        int start = at;
        while (at < header.length() && isTokenChar(header.charAt(at))) {
            at++;
        }
        return at > start;
    }

    /** A quoted string to its closing quote, backslash escapes included; false when it never ends. */
    private boolean quotedString() {
        if (!next('"')) {
            return false;
        }
        while (at < header.length()) {
            char c = header.charAt(at++);
            if (c == '"') {
                return true;
            }
            if (c == '\\') {
                if (at == header.length()) {
                    return false;
                }
                at++;
            } else if (c < 0x20 && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        return false;
    }

    private boolean next(char expected) {
        if (at < header.length() && header.charAt(at) == expected) {
            at++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (at < header.length() && (header.charAt(at) == ' ' || header.charAt(at) == '\t')) {
            at++;
        }
    }

    private static boolean isTokenChar(char c) {
        return c < 0x7f && (Character.isLetterOrDigit(c) || TOKEN_SYMBOLS.indexOf(c) >= 0);
    }
}
