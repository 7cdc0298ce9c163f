package io.hookline.ejb.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** At most one line per interval, however often the cause repeats, each able to say how much it held back. */
class LogThrottleTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final List<String> logged = new ArrayList<>();
    private final Logger logger = Logger.getAnonymousLogger();

    LogThrottleTest() {
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
    }

    @Test
    void passesFirstThenExactlyAtTheIntervalNotBefore() {
        Duration interval = Duration.ofSeconds(10);
        LogThrottle throttle = new LogThrottle(interval, clock::get);
        assertTrue(throttle.pass(), "the first occurrence is logged");
        assertFalse(throttle.pass());
        clock.addAndGet(interval.toNanos() - 1);
        assertFalse(throttle.pass(), "one nanosecond before the interval ends");
        clock.addAndGet(1);
        assertTrue(throttle.pass(), "exactly at the interval");
        assertFalse(throttle.pass());
    }

    @Test
    void countsWhatItHeldBack() {
        LogThrottle throttle = new LogThrottle(LogThrottle.DEFAULT_INTERVAL, clock::get);
        assertEquals(3, throttle.pass(3));
        assertEquals(LogThrottle.HELD_BACK, throttle.pass(5));
        assertEquals(LogThrottle.HELD_BACK, throttle.pass(0));
        clock.addAndGet(LogThrottle.DEFAULT_INTERVAL.toNanos());
        assertEquals(7, throttle.pass(2), "the 5 held back and these 2");
    }

    @Test
    void warnsFirstThenOnlyAfterTheInterval() {
        LogThrottle warning = new LogThrottle(Duration.ofMinutes(1), clock::get);
        assertTrue(warning.warnLost(logger, 1, () -> "queue full", null), "the first occurrence is logged");
        for (int i = 0; i < 1000; i++) {
            assertFalse(warning.warnLost(logger, 1, () -> "queue full", null));
        }
        clock.addAndGet(Duration.ofSeconds(59).toNanos());
        assertFalse(warning.warnLost(logger, 1, () -> "queue full", null), "still within the minute");
        clock.addAndGet(Duration.ofSeconds(1).toNanos());
        assertTrue(warning.warnLost(logger, 1, () -> "queue full", null), "a minute later");
        assertEquals(
                List.of("queue full (1 lost since the last warning)", "queue full (1002 lost since the last warning)"),
                logged);
    }

    @Test
    void concurrentCallersLetExactlyOneLineThrough() throws InterruptedException {
        LogThrottle throttle = new LogThrottle(LogThrottle.DEFAULT_INTERVAL, clock::get);
        int threads = 8;
        AtomicInteger passed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < 1000; i++) {
                    if (throttle.pass()) {
                        passed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(1, passed.get());
    }

    @Test
    void aNonPositiveIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LogThrottle(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new LogThrottle(Duration.ofSeconds(-1)));
    }
}
