package io.hookline.ejb.common;

import java.security.SecureRandom;

/**
 * Application-generated ids: 26 characters of lowercase RFC 4648 base32 ({@code a-z2-7}) drawn from
 * {@link SecureRandom}, i.e. 130 random bits. Hook ids are secrets (they are the whole credential of
 * a hook URL), so every id is generated the same unguessable way; no sequence round trips either.
 */
public final class Ids {

    public static final int LENGTH = 26;
    public static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String newId() {
        // 17 random bytes = 136 bits; 26 groups of 5 bits use 130 of them.
        byte[] bytes = new byte[17];
        RANDOM.nextBytes(bytes);
        StringBuilder id = new StringBuilder(LENGTH);
        int buffer = 0;
        int bits = 0;
        int index = 0;
        while (id.length() < LENGTH) {
            if (bits < 5) {
                buffer = (buffer << 8) | (bytes[index++] & 0xff);
                bits += 8;
            }
            id.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
            bits -= 5;
        }
        return id.toString();
    }

    /** True when {@code candidate} has the shape of an id; cheap rejection before any database look-up. */
    public static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(candidate.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
