package io.hookline.ejb.user;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes, stored as {@code PBKDF2WithHmacSHA256:iterations:salt:hash}
 * (Base64) — the format of Jakarta Security's {@code Pbkdf2PasswordHash}, so the console's identity
 * store and the API check the same column the same way. Pure JDK: no server-specific hashing, so the
 * same hashes verify on any server.
 *
 * <p>{@link #ITERATIONS} is OWASP's current figure for PBKDF2-HMAC-SHA256 (600,000; about 0.3–0.6 s of one
 * core here). Hashes made with fewer iterations (210,000 before issue 15) keep verifying: each stored value
 * names its own count, and {@link #needsUpgrade(String)} tells the sign-in to store a fresh hash after the
 * next successful password check.
 */
public final class PasswordHasher {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    public static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 32;
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHasher() {
    }

    public static String hash(String password) {
        return hash(password, ITERATIONS);
    }

    /** A hash with an explicit iteration count: for tests of the upgrade from older, cheaper hashes. */
    static String hash(String password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] key = derive(password.toCharArray(), salt, iterations, KEY_BYTES);
        Base64.Encoder b64 = Base64.getEncoder();
        return ALGORITHM + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(key);
    }

    /**
     * Checks {@code password} against {@code stored}, or, when there is no stored hash (no such account),
     * against a dummy hash of the same cost, and answers false: an unknown login id costs a guesser the
     * same time as a known one, so timing does not tell which accounts exist.
     */
    public static boolean verify(String password, String stored) {
        if (stored == null) {
            matches(password == null ? "" : password, Dummy.HASH);
            return false;
        }
        return matches(password, stored);
    }

    /** True when {@code stored} was made with fewer iterations (or another scheme) than new hashes get. */
    public static boolean needsUpgrade(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            return true;
        }
        try {
            return Integer.parseInt(parts[1]) < ITERATIONS;
        } catch (NumberFormatException malformed) {
            return true;
        }
    }

    /** A hash of a random password, made once on first use, for {@link #verify(String, String)}. */
    private static final class Dummy {
        static final String HASH = hash(java.util.UUID.randomUUID().toString());
    }

    public static boolean matches(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        String[] parts = stored.split(":");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            byte[] actual = derive(password.toCharArray(), salt, iterations, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int keyBytes) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is part of every JDK; this JDK lacks it", e);
        }
    }
}
