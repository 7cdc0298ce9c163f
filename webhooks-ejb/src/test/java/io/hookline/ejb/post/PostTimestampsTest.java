package io.hookline.ejb.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Slack-shaped, unique on one server however many posts share a millisecond, close to create_at. */
class PostTimestampsTest {

    @Test
    void shapeAndSeconds() {
        long createAt = 1_764_000_000_123L;
        String ts = PostTimestamps.next(createAt);
        assertTrue(PostTimestamps.isTs(ts), ts);
        assertTrue(ts.matches("[0-9]+\\.[0-9]{6}"), ts);
        assertEquals(1_764_000_000L, Long.parseLong(ts.substring(0, ts.indexOf('.'))), "seconds of create_at");
        assertEquals("1.000005", PostTimestamps.format(1_000_005));
        assertEquals("1700000000.000100", PostTimestamps.format(1_700_000_000_000_100L));
    }

    @Test
    void uniqueAcrossThreadsInTheSameMillisecond() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        long createAt = System.currentTimeMillis() + 60_000;
        IntStream.range(0, 20_000).parallel().forEach(i -> assertTrue(seen.add(PostTimestamps.next(createAt))));
        assertEquals(20_000, seen.size());
    }

    @Test
    void whatCountsAsATs() {
        Set<String> yes = new HashSet<>(Set.of("1700000000.000100", "0.000000", "123456789012.999999"));
        for (String ts : yes) {
            assertTrue(PostTimestamps.isTs(ts), ts);
        }
        for (String no : new String[] {
            null,
            "",
            "1700000000",
            "1700000000.0001",
            "1700000000.0001000",
            ".000100",
            "1700000000.00010a",
            "abcdefghijklmnopqrstuvwxyz",
            "1234567890123.000000",
            " 1.000000"
        }) {
            assertFalse(PostTimestamps.isTs(no), String.valueOf(no));
        }
    }
}
