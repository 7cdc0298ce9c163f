package io.hookline.ejb.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Buckets aligned to their width, the last one holding "now"; windows named as the console's links name them. */
class TimeBucketsTest {

    @Test
    void theLastBucketHoldsNow() {
        long minute = 60_000L;
        TimeBuckets hour = StatsWindow.HOUR.endingAt(10 * 60 * minute + 5);
        assertEquals(60, hour.count());
        assertEquals(9 * 60 * minute + minute, hour.start());
        assertEquals(10 * 60 * minute + minute, hour.end());
        assertEquals(hour.start() + 59 * minute, hour.startOf(59));
        // A whole minute starts a bucket of its own.
        assertEquals(
                10 * 60 * minute + minute,
                StatsWindow.HOUR.endingAt(10 * 60 * minute).end());
    }

    @Test
    void keysOutsideTheBucketsHaveNoIndex() {
        TimeBuckets buckets = new TimeBuckets(600, 100, 3);
        assertEquals(-1, buckets.indexOfKey(5));
        assertEquals(0, buckets.indexOfKey(6));
        assertEquals(2, buckets.indexOfKey(8));
        assertEquals(-1, buckets.indexOfKey(9));
    }

    @Test
    void bucketsMustBeAligned() {
        assertThrows(IllegalArgumentException.class, () -> new TimeBuckets(650, 100, 3));
        assertThrows(IllegalArgumentException.class, () -> new TimeBuckets(600, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> new TimeBuckets(600, 100, 0));
    }

    @Test
    void windowsByName() {
        assertEquals(StatsWindow.DAY, StatsWindow.named("day"));
        assertEquals(StatsWindow.DAY, StatsWindow.named(" DAY "));
        assertEquals(StatsWindow.HOUR, StatsWindow.named("hour"));
        assertEquals(StatsWindow.HOUR, StatsWindow.named(null));
        assertEquals(StatsWindow.HOUR, StatsWindow.named("week"));
        assertEquals(48, StatsWindow.DAY.buckets());
        assertEquals(1_800_000L, StatsWindow.DAY.bucketMillis());
    }
}
