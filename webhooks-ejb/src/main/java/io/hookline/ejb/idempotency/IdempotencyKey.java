package io.hookline.ejb.idempotency;

import io.hookline.api.error.HooklineException;

/**
 * The {@code Idempotency-Key} header's rule (the IETF httpapi draft's header): 1 to {@value #MAX_LENGTH} visible
 * ASCII characters (0x21–0x7E), compared exactly. Anything else is refused before the body is read: a key the
 * sender cannot have meant (empty, a space, a control or non-ASCII character, too long) would otherwise be
 * stored and compared in a form the sender cannot predict.
 */
public final class IdempotencyKey {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";
    /** Longest key; also the column width in V12__idempotency_keys.sql. */
    public static final int MAX_LENGTH = 255;

    public static final String INVALID = "invalid_idempotency_key";

    private IdempotencyKey() {}

    /** The key as sent, or 400 {@value #INVALID} naming the rule. */
    public static String validated(String header) {
        if (!isValid(header)) {
            throw HooklineException.badRequest(
                    INVALID,
                    HEADER + " must be 1 to " + MAX_LENGTH + " visible ASCII characters (0x21-0x7E), without spaces.");
        }
        return header;
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
