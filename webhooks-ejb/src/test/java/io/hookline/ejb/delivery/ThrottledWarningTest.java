package io.hookline.ejb.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** At most one warning a minute, however often the cause repeats, each saying how much was lost. */
class ThrottledWarningTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final List<String> logged = new ArrayList<>();
    private final Logger logger = Logger.getAnonymousLogger();

    ThrottledWarningTest() {
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    @Test
    void warnsFirstThenOnlyAfterTheInterval() {
        ThrottledWarning warning = new ThrottledWarning(logger, Duration.ofMinutes(1), clock::get);
        assertTrue(warning.occurred(1, () -> "queue full", null), "the first occurrence is logged");
        for (int i = 0; i < 1000; i++) {
            assertFalse(warning.occurred(1, () -> "queue full", null));
        }
        clock.addAndGet(Duration.ofSeconds(59).toNanos());
        assertFalse(warning.occurred(1, () -> "queue full", null), "still within the minute");
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertTrue(warning.occurred(1, () -> "queue full", null), "a minute later");
        assertEquals(List.of("queue full (1 lost since the last warning)",
                "queue full (1002 lost since the last warning)"), logged);
    }
}
