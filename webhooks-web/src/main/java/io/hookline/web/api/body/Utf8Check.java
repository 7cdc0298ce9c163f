package io.hookline.web.api.body;

import java.nio.charset.MalformedInputException;

/**
 * Checks a byte stream, fed in pieces, for well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
 * past U+10FFFF, no sequence cut off at the end). The JDK's readers replace bad bytes with U+FFFD without a word,
 * which would store a mangled name instead of refusing it; this check refuses it instead, with the
 * {@link MalformedInputException} the JDK's own strict decoders throw.
 */
final class Utf8Check {

    /** Continuation bytes still expected for the current character. */
    private int pending;
    /** Bounds of the first continuation byte, narrowed after some lead bytes (E0, ED, F0, F4). */
    private int low = 0x80;

    private int high = 0xBF;

    void check(byte[] bytes, int offset, int length) throws MalformedInputException {
        for (int i = offset; i < offset + length; i++) {
            int b = bytes[i] & 0xff;
            if (pending > 0) {
                if (b < low || b > high) {
                    throw new MalformedInputException(1);
                }
                low = 0x80;
                high = 0xBF;
                pending--;
            } else if (b >= 0x80) {
                lead(b);
            }
        }
    }

    /** The input ended: a character still expecting continuation bytes is cut off. */
    void end() throws MalformedInputException {
        if (pending > 0) {
            throw new MalformedInputException(1);
        }
    }

    private void lead(int b) throws MalformedInputException {
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            low = b == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
            high = b == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            low = b == 0xF0 ? 0x90 : 0x80; // F0 80..8F would be overlong
            high = b == 0xF4 ? 0x8F : 0xBF; // F4 90.. would be past U+10FFFF
        } else {
            throw new MalformedInputException(1); // a stray continuation byte, C0, C1 or F5..FF
        }
    }
}
