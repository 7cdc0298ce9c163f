package io.hookline.ejb.user;

import java.util.Map;

/**
 * What Hookline's password hashes are, as stored in {@code users.password_hash}: PBKDF2-HMAC-SHA256 in the format
 * of Jakarta Security's {@code Pbkdf2PasswordHash}, {@code PBKDF2WithHmacSHA256:iterations:salt:hash} (salt and
 * hash in Base64). The hashing itself is the server's ({@link Passwords}); this class only names the parameters
 * new hashes get and reads stored values, with no cryptography of its own.
 *
 * <p>{@link #ITERATIONS} is OWASP's current figure for PBKDF2-HMAC-SHA256 (600,000; about 0.3–0.6 s of one
 * core here). Hashes made with fewer iterations (210,000 before issue 15) keep verifying: each stored value
 * names its own count, which {@code Pbkdf2PasswordHash.verify} reads, and {@link #needsUpgrade(String)} tells
 * the sign-in to store a fresh hash after the next successful password check.
 */
public final class PasswordHashFormat {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    public static final int ITERATIONS = 600_000;
    static final int SALT_BYTES = 32;
    static final int KEY_BYTES = 32;

    /**
     * {@code Pbkdf2PasswordHash.initialize} parameters for new hashes: the algorithm, count and sizes Hookline
     * has always used, so a hash made by the server verifies wherever the old pure-JDK ones did, and back.
     */
    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
            "Pbkdf2PasswordHash.Iterations", Integer.toString(ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes", Integer.toString(SALT_BYTES),
            "Pbkdf2PasswordHash.KeySizeBytes", Integer.toString(KEY_BYTES));

    private PasswordHashFormat() {}

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
}
