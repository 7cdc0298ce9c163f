package io.hookline.ejb.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hookline.api.error.HooklineException;
import org.junit.jupiter.api.Test;

/** The per-node in-flight set: one claim per hook and key, released once, bounded, never stuck. */
class InFlightKeysTest {

    @Test
    void aSecondClaimOfTheSameKeyIsA409UntilTheFirstIsReleased() {
        InFlightKeys keys = new InFlightKeys();
        InFlightKeys.Claim first = keys.claim("hook", "k", 1);
        HooklineException busy = assertThrows(HooklineException.class, () -> keys.claim("hook", "k", 2));
        assertEquals(409, busy.status());
        assertEquals("idempotency_key_in_flight", busy.id());
        // Another hook, or another key, is another request.
        keys.claim("other", "k", 2).release();
        keys.claim("hook", "k2", 2).release();
        first.release();
        first.release(); // twice: nothing more happens
        assertEquals(0, keys.size());
        keys.claim("hook", "k", 3).release();
    }

    @Test
    void atItsBoundTheSetStopsGrowingAndRequestsGoOnUnclaimed() {
        InFlightKeys keys = new InFlightKeys(3);
        for (int i = 0; i < 3; i++) {
            assertNotSame(InFlightKeys.UNCLAIMED, keys.claim("hook", "k" + i, 1));
        }
        assertSame(InFlightKeys.UNCLAIMED, keys.claim("hook", "k3", 1), "past the bound: the database arbitrates");
        assertEquals(3, keys.size());
        assertThrows(HooklineException.class, () -> keys.claim("hook", "k0", 1), "held keys still answer 409");
        assertEquals(3, keys.size());
    }

    @Test
    void anAbandonedClaimIsTakenOverAndCannotReleaseItsSuccessor() {
        InFlightKeys keys = new InFlightKeys();
        InFlightKeys.Claim abandoned = keys.claim("hook", "k", 0);
        assertThrows(HooklineException.class, () -> keys.claim("hook", "k", InFlightKeys.STALE_AFTER_MILLIS - 1));
        InFlightKeys.Claim successor = keys.claim("hook", "k", InFlightKeys.STALE_AFTER_MILLIS);
        assertEquals(1, keys.size());
        abandoned.release();
        assertThrows(
                HooklineException.class,
                () -> keys.claim("hook", "k", InFlightKeys.STALE_AFTER_MILLIS),
                "the successor still holds the key");
        successor.release();
        assertEquals(0, keys.size());
    }
}
