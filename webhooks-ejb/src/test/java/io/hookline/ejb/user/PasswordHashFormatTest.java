package io.hookline.ejb.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored format's rules, without hashing anything. */
class PasswordHashFormatTest {

    @Test
    void newHashesUseOwaspsIterationCountAndTheSizesHooklineAlwaysUsed() {
        assertEquals(600_000, PasswordHashFormat.ITERATIONS);
        assertEquals(
                Map.of(
                        "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                        "Pbkdf2PasswordHash.Iterations", "600000",
                        "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                        "Pbkdf2PasswordHash.KeySizeBytes", "32"),
                PasswordHashFormat.PARAMETERS);
    }

    @Test
    void fewerIterationsAnotherSchemeOrNothingNeedsAnUpgrade() {
        assertFalse(PasswordHashFormat.needsUpgrade("PBKDF2WithHmacSHA256:600000:AA==:AA=="));
        assertFalse(PasswordHashFormat.needsUpgrade("PBKDF2WithHmacSHA256:700000:AA==:AA=="));
        assertTrue(PasswordHashFormat.needsUpgrade("PBKDF2WithHmacSHA256:599999:AA==:AA=="));
        assertTrue(PasswordHashFormat.needsUpgrade("PBKDF2WithHmacSHA256:210000:AA==:AA=="));
        assertTrue(PasswordHashFormat.needsUpgrade("PBKDF2WithHmacSHA512:600000:AA==:AA=="));
        assertTrue(PasswordHashFormat.needsUpgrade("PBKDF2WithHmacSHA256:many:AA==:AA=="));
        assertTrue(PasswordHashFormat.needsUpgrade("MD5:1:AA==:AA=="));
        assertTrue(PasswordHashFormat.needsUpgrade(""));
        assertTrue(PasswordHashFormat.needsUpgrade(null));
    }
}
