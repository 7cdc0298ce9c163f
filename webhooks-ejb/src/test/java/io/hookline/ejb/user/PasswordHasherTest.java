package io.hookline.ejb.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void aHashMatchesOnlyItsPassword() {
        String stored = PasswordHasher.hash("correct horse");
        assertTrue(PasswordHasher.matches("correct horse", stored));
        assertFalse(PasswordHasher.matches("correct horsE", stored));
        assertFalse(PasswordHasher.matches("", stored));
        assertFalse(PasswordHasher.matches(null, stored));
    }

    @Test
    void hashesAreSaltedAndInJakartaSecurityFormat() {
        String a = PasswordHasher.hash("same");
        String b = PasswordHasher.hash("same");
        assertNotEquals(a, b);
        String[] parts = a.split(":");
        assertEquals(4, parts.length);
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals(String.valueOf(PasswordHasher.ITERATIONS), parts[1]);
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        assertFalse(PasswordHasher.matches("x", null));
        assertFalse(PasswordHasher.matches("x", ""));
        assertFalse(PasswordHasher.matches("x", "PBKDF2WithHmacSHA256:abc:!!:!!"));
        assertFalse(PasswordHasher.matches("x", "MD5:1:AA==:AA=="));
    }

    @Test
    void newHashesUseOwaspsIterationCount() {
        assertEquals(600_000, PasswordHasher.ITERATIONS);
        assertFalse(PasswordHasher.needsUpgrade(PasswordHasher.hash("fresh one")));
    }

    @Test
    void anOlderCheaperHashStillVerifiesAndAsksForAnUpgrade() {
        // The format and count main stored before issue 15.
        String old = PasswordHasher.hash("old password", 210_000);
        assertTrue(old.startsWith("PBKDF2WithHmacSHA256:210000:"));
        assertTrue(PasswordHasher.verify("old password", old));
        assertFalse(PasswordHasher.verify("old passwore", old));
        assertTrue(PasswordHasher.needsUpgrade(old));
        assertTrue(PasswordHasher.needsUpgrade("MD5:1:AA==:AA=="));
        assertTrue(PasswordHasher.needsUpgrade(null));
    }

    @Test
    void anUnknownAccountCostsAHashAndNeverMatches() {
        PasswordHasher.verify("warm up", null);
        String stored = PasswordHasher.hash("x");
        long known = System.nanoTime();
        assertFalse(PasswordHasher.verify("y", stored));
        known = System.nanoTime() - known;
        long unknown = System.nanoTime();
        assertFalse(PasswordHasher.verify("y", null));
        unknown = System.nanoTime() - unknown;
        double ratio = (double) unknown / known;
        assertTrue(ratio > 0.4 && ratio < 2.5, "unknown/known hashing time " + ratio);
    }
}
