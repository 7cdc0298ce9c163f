package io.hookline.ejb.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class PostWriterChecksTest {

    /** The first queue length that counts as saturated for the real capacity: 90 % of 4,096 is 3,686.4. */
    private static final int FIRST_SATURATED = 3_687;

    @Test
    void theRealQueueIsSaturatedFromNinetyPercentOn() {
        assertEquals(90, PostWriterChecks.SATURATED_PERCENT);
        assertFalse(PostWriterChecks.saturated(FIRST_SATURATED - 1, PostWriter.QUEUE_CAPACITY));
        assertTrue(PostWriterChecks.saturated(FIRST_SATURATED, PostWriter.QUEUE_CAPACITY));
        assertTrue(PostWriterChecks.saturated(PostWriter.QUEUE_CAPACITY, PostWriter.QUEUE_CAPACITY));
    }

    @Test
    void aSaturatedWriterMakesTheServerNotReady() {
        assertEquals(Status.UP, PostWriterChecks.queue(89, 100).getStatus());
        var saturated = PostWriterChecks.queue(90, 100);
        assertEquals(Status.DOWN, saturated.getStatus());
        assertEquals(PostWriterChecks.QUEUE, saturated.getName());
        assertEquals(
                Map.of("waiting", 90L, "capacity", 100L, "saturated_percent", 90L),
                saturated.getData().orElseThrow());
        assertEquals(Status.DOWN, PostWriterChecks.queue(100, 100).getStatus());
    }

    @Test
    void anIdleWriterIsReady() {
        assertEquals(
                Status.UP, PostWriterChecks.queue(0, PostWriter.QUEUE_CAPACITY).getStatus());
    }

    @Test
    void aDeadWriterThreadFailsLiveness() {
        assertEquals(Status.UP, PostWriterChecks.threads(4, 4).getStatus());
        var oneDead = PostWriterChecks.threads(3, 4);
        assertEquals(Status.DOWN, oneDead.getStatus());
        assertEquals(PostWriterChecks.THREADS, oneDead.getName());
    }
}
