package io.hookline.ejb.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;

/**
 * Password hashing through Jakarta Security's {@code Pbkdf2PasswordHash}, here Soteria's implementation, the one
 * Payara 6 and WildFly 39 ship (test scope; on a server CDI injects the server's own).
 */
class PasswordsTest {

    /** Made by Hookline's pure-JDK PasswordHasher before the server's hashing took over (main at 0d518a4). */
    private static final String OLD_CODE_210K = "PBKDF2WithHmacSHA256:210000"
            + ":qDsMzVUpjxZtKuXo5NsewTFI+8wlFpnYh+83tpqmTVU=:bfTIlb4UTak3j/XxpHWh0MIrY72WTi62v69P6IP51Sg=";

    private static final String OLD_CODE_600K = "PBKDF2WithHmacSHA256:600000"
            + ":TytGUja4DYI6v0VcU+SfuLNM2SEiurwHtV/UnGp23Qk=:qjXN53a/57orGigbEg8m93fBYlCzAABanuJDjOW3cvY=";

    private final Passwords passwords = new Passwords(new Pbkdf2PasswordHashImpl());

    @Test
    void hashesStoredByTheOldJdkCodeStillVerify() {
        assertTrue(passwords.verify("correct horse battery staple", OLD_CODE_210K));
        assertFalse(passwords.verify("correct horse battery stapl", OLD_CODE_210K));
        assertTrue(passwords.verify("Tr0ub4dor&3", OLD_CODE_600K));
        assertFalse(passwords.verify("tr0ub4dor&3", OLD_CODE_600K));
        assertTrue(PasswordHashFormat.needsUpgrade(OLD_CODE_210K), "the cheaper one is rehashed at the next sign-in");
        assertFalse(PasswordHashFormat.needsUpgrade(OLD_CODE_600K));
    }

    @Test
    void newHashesHaveTheOldFormatAndParameters() {
        String a = passwords.hash("same");
        String b = passwords.hash("same");
        assertNotEquals(a, b, "salted");
        String[] parts = a.split(":");
        assertEquals(4, parts.length);
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals("600000", parts[1]);
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length, "salt bytes");
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length, "key bytes");
        assertFalse(PasswordHashFormat.needsUpgrade(a));
    }

    @Test
    void aNewHashIsPlainPbkdf2SoTheOldCodeWouldVerifyItToo() throws Exception {
        String stored = passwords.hash("correct horse");
        String[] parts = stored.split(":");
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        // The old PasswordHasher's derivation, verbatim: PBKDF2 over the password's chars, the stored salt and count.
        byte[] derived = SecretKeyFactory.getInstance(parts[0])
                .generateSecret(new PBEKeySpec(
                        "correct horse".toCharArray(), salt, Integer.parseInt(parts[1]), expected.length * 8))
                .getEncoded();
        assertTrue(MessageDigest.isEqual(expected, derived));
    }

    @Test
    void aHashMatchesOnlyItsPassword() {
        String stored = passwords.hash("correct horse");
        assertTrue(passwords.verify("correct horse", stored));
        assertFalse(passwords.verify("correct horsE", stored));
        assertFalse(passwords.verify("", stored));
        assertFalse(passwords.verify(null, stored));
    }

    @Test
    void malformedStoredValuesNeverMatchAndNeverThrow() {
        assertFalse(passwords.verify("x", ""));
        assertFalse(passwords.verify("x", "PBKDF2WithHmacSHA256:abc:!!:!!"));
        assertFalse(passwords.verify("x", "PBKDF2WithHmacSHA256:0:AA==:AA=="));
        assertFalse(passwords.verify("x", "PBKDF2WithHmacSHA256:1000::"));
        assertFalse(passwords.verify("x", "MD5:1:AA==:AA=="));
        assertFalse(passwords.verify("x", "PBKDF2WithHmacSHA256:1000:AA==:AA==:extra"));
    }

    @Test
    void anUnknownAccountCostsAHashAndNeverMatches() {
        // The cost is checked by what is computed, not by a stopwatch (a timed assertion fails on a loaded
        // machine): an unknown account must run exactly one PBKDF2 verification with a known account's
        // parameters (algorithm, iterations, salt and key sizes), and never match.
        List<String> verified = new ArrayList<>();
        Passwords counting = new Passwords(new Pbkdf2PasswordHashImpl() {
            @Override
            public boolean verify(char[] password, String hashedPassword) {
                verified.add(hashedPassword);
                return super.verify(password, hashedPassword);
            }
        });
        String[] known = counting.hash("x").split(":");

        assertFalse(counting.verify("y", null));
        assertFalse(counting.verify(null, null));

        assertEquals(2, verified.size(), "one full verification per unknown account: " + verified);
        for (String dummy : verified) {
            String[] parts = dummy.split(":");
            assertEquals(known[0], parts[0], "algorithm");
            assertEquals(known[1], parts[1], "iterations");
            assertEquals(
                    Base64.getDecoder().decode(known[2]).length,
                    Base64.getDecoder().decode(parts[2]).length);
            assertEquals(
                    Base64.getDecoder().decode(known[3]).length,
                    Base64.getDecoder().decode(parts[3]).length);
        }
    }
}
