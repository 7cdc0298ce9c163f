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
}
