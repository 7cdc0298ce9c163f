package io.hookline.ejb.cluster;

import static io.hookline.ejb.cluster.SeenVersion.Outcome.CHANGED;
import static io.hookline.ejb.cluster.SeenVersion.Outcome.RECOVERED;
import static io.hookline.ejb.cluster.SeenVersion.Outcome.UNCHANGED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeenVersionTest {

    @Test
    void theFirstReadIsTheBaselineAndOnlyAMoveIsAChange() {
        SeenVersion seen = new SeenVersion();
        assertEquals(UNCHANGED, seen.accept(7));
        assertEquals(UNCHANGED, seen.accept(7));
        assertEquals(CHANGED, seen.accept(8));
        assertEquals(UNCHANGED, seen.accept(8));
    }

    @Test
    void afterFailedReadsTheNextReadReloadsEvenWhenTheCountLooksTheSame() {
        SeenVersion seen = new SeenVersion();
        seen.accept(3);
        assertTrue(seen.lost(1_000), "the first failure is the one to log");
        assertFalse(seen.lost(1_100), "the ones after it are not logged again");
        // Cut off, this server cannot know what it missed: the count may even have been reset (schema restored).
        assertEquals(RECOVERED, seen.accept(3));
        assertEquals(UNCHANGED, seen.accept(3));
        assertTrue(seen.lost(5_000), "a new run of failures is logged again");
    }

    @Test
    void whileReadsFailTheRowIsTriedOncePerRetryInterval() {
        SeenVersion seen = new SeenVersion();
        assertTrue(seen.readDue(0), "reads are due at every poll while they succeed");
        seen.accept(7);
        assertTrue(seen.readDue(100));
        seen.lost(100);
        assertFalse(seen.readDue(101), "right after a failure");
        assertFalse(seen.readDue(100 + SeenVersion.RETRY_MILLIS - 1), "just before the retry interval is up");
        assertTrue(seen.readDue(100 + SeenVersion.RETRY_MILLIS), "at the retry interval");
        seen.lost(100 + SeenVersion.RETRY_MILLIS);
        assertFalse(seen.readDue(100 + SeenVersion.RETRY_MILLIS + 1), "the interval counts from the last failure");
        assertEquals(SeenVersion.Outcome.RECOVERED, seen.accept(7));
        assertTrue(seen.readDue(100 + SeenVersion.RETRY_MILLIS + 2), "due at every poll again once a read succeeds");
    }
}
