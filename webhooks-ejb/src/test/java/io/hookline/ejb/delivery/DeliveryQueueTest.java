package io.hookline.ejb.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded hand-over: exactly {@code capacity} attempts wait, the next is dropped and counted. */
class DeliveryQueueTest {

    private static DeliveryAttempt attempt(int n) {
        return DeliveryAttempt.refused("h" + n, n, 400, "no_text", "127.0.0.1", n, 0);
    }

    @Test
    void holdsExactlyItsCapacityAndDropsTheNext() {
        DeliveryQueue queue = new DeliveryQueue(3);
        for (int i = 0; i < 3; i++) {
            assertTrue(queue.offer(attempt(i)), "attempt " + i + " fits");
        }
        assertEquals(3, queue.size());
        assertEquals(0, queue.dropped());

        assertFalse(queue.offer(attempt(3)), "capacity + 1 is dropped");
        assertFalse(queue.offer(attempt(4)));
        assertEquals(3, queue.size(), "a full queue does not grow");
        assertEquals(2, queue.dropped());
        assertEquals(List.of(attempt(0), attempt(1), attempt(2)), queue.drain(10), "the oldest were kept, in order");
    }

    @Test
    void drainTakesAtMostMaxOldestFirstAndMakesRoom() {
        DeliveryQueue queue = new DeliveryQueue(5);
        for (int i = 0; i < 5; i++) {
            queue.offer(attempt(i));
        }
        assertEquals(List.of(attempt(0), attempt(1)), queue.drain(2));
        assertEquals(3, queue.size());
        assertTrue(queue.offer(attempt(5)), "drained room is free again");
        assertTrue(queue.offer(attempt(6)));
        assertFalse(queue.offer(attempt(7)));
        assertEquals(List.of(attempt(2), attempt(3), attempt(4), attempt(5), attempt(6)), queue.drain(100));
        assertEquals(List.of(), queue.drain(100));
    }

    @Test
    void capacityOneIsTheSmallestAndZeroIsRefused() {
        DeliveryQueue queue = new DeliveryQueue(1);
        assertTrue(queue.offer(attempt(0)));
        assertFalse(queue.offer(attempt(1)));
        assertEquals(1, queue.capacity());
        assertThrows(IllegalArgumentException.class, () -> new DeliveryQueue(0));
        assertThrows(IllegalArgumentException.class, () -> new DeliveryQueue(-1));
    }

    @Test
    void theDefaultCapacityIsWithinItsBounds() {
        assertTrue(DeliveryLog.DEFAULT_QUEUE_CAPACITY >= DeliveryLog.MIN_QUEUE_CAPACITY);
        assertTrue(DeliveryLog.DEFAULT_QUEUE_CAPACITY <= DeliveryLog.MAX_QUEUE_CAPACITY);
        assertTrue(DeliveryLogScheduler.DEFAULT_FLUSH_INTERVAL_MILLIS <= 200, "entries show within 200 ms");
        assertTrue(DeliveryLogScheduler.MAX_FLUSH_INTERVAL_MILLIS <= 200, "entries show within 200 ms");
    }
}
