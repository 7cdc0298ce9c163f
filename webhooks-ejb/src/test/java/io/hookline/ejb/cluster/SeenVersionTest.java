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
        assertTrue(seen.lost(), "the first failure is the one to log");
        assertFalse(seen.lost(), "the ones after it are not logged again");
        // Cut off, this server cannot know what it missed: the count may even have been reset (schema restored).
        assertEquals(RECOVERED, seen.accept(3));
        assertEquals(UNCHANGED, seen.accept(3));
        assertTrue(seen.lost(), "a new run of failures is logged again");
    }
}
