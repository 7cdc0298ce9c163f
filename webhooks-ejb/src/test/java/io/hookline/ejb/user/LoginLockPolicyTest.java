package io.hookline.ejb.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoginLockPolicyTest {

    private static final long NOW = 1_000_000_000L;

    @Test
    void locksAtTheLimitNotBefore() {
        LoginLockPolicy policy = new LoginLockPolicy(3, 60);
        assertFalse(policy.isLocked(2, NOW, NOW));
        assertTrue(policy.isLocked(3, NOW, NOW));
        assertTrue(policy.isLocked(4, NOW, NOW));
    }

    @Test
    void theLockEndsWhenItsTimeHasPassedAndTheCountStartsAgain() {
        LoginLockPolicy policy = new LoginLockPolicy(3, 60);
        assertTrue(policy.isLocked(3, NOW, NOW + 59_999));
        assertFalse(policy.isLocked(3, NOW, NOW + 60_000));
        assertEquals(3, policy.failuresSoFar(3, NOW, NOW + 59_999));
        assertEquals(0, policy.failuresSoFar(3, NOW, NOW + 60_000));
        assertEquals(2, policy.failuresSoFar(2, NOW, NOW + 600_000));
    }

    @Test
    void zeroSecondsLocksUntilAnAdminResets() {
        LoginLockPolicy policy = new LoginLockPolicy(3, 0);
        assertTrue(policy.isLocked(3, NOW, NOW + 365L * 24 * 3_600_000));
        assertEquals(3, policy.failuresSoFar(3, NOW, NOW + 365L * 24 * 3_600_000));
    }
}
