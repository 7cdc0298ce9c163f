package io.hookline.ejb.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.junit.jupiter.api.Test;

/** The parts of a sign-in that a black-box test cannot see: where the hashing runs, and the hash upgrade. */
class SignInContractTest {

    @Test
    void theMethodsThatHashHoldNoTransaction() throws NoSuchMethodException {
        for (var method : new java.lang.reflect.Method[] {
            Authenticator.class.getMethod("login", String.class, String.class, String.class),
            Authenticator.class.getMethod("checkPassword", String.class, String.class, String.class)
        }) {
            TransactionAttribute attribute = method.getAnnotation(TransactionAttribute.class);
            assertEquals(
                    TransactionAttributeType.NOT_SUPPORTED,
                    attribute == null ? null : attribute.value(),
                    method.getName());
        }
    }

    @Test
    void aSuccessfulSignInUpgradesAnOldHashUnlessThePasswordChangedMeanwhile() {
        // The entity only stores what Passwords made: stand-in values show which one it keeps.
        User user = new User("ada", "ada@example.com", "hash-of-first-password@210000", false, 1L);
        String verified = user.passwordHash();
        user.recordFailedPassword(0, 5L);
        String upgraded = "hash-of-first-password@600000";
        user.recordSignIn(verified, upgraded);
        assertEquals(upgraded, user.passwordHash());
        assertEquals(0, user.failedAttempts(), "a success starts the count again");

        String stale = user.passwordHash();
        user.changePassword("hash-of-second-password", 2L);
        user.recordSignIn(stale, "another-hash-of-first-password");
        assertEquals("hash-of-second-password", user.passwordHash(), "a reset made during the check wins");
    }

    @Test
    void resetDeactivationAndRoleChangesMoveTheCredentialVersionOn() {
        User user = new User("bob", "bob@example.com", "hash-of-some-password", true, 1L);
        long v0 = user.credentialVersion();
        user.changeSystemAdmin(true, 2L);
        assertEquals(v0, user.credentialVersion(), "no change, no new version");
        user.changeSystemAdmin(false, 2L);
        long v1 = user.credentialVersion();
        assertNotEquals(v0, v1);
        assertFalse(user.isSystemAdmin());
        user.recordFailedPassword(4, 3L);
        user.changePassword("hash-of-another-password", 3L);
        assertNotEquals(v1, user.credentialVersion());
        assertEquals(0, user.failedAttempts(), "a reset lifts the lock");
        long v2 = user.credentialVersion();
        user.deactivate(4L);
        assertNotEquals(v2, user.credentialVersion());
    }
}
