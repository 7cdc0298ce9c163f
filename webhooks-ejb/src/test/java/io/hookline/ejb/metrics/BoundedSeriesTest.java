package io.hookline.ejb.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedSeriesTest {

    @Test
    void upToMaxValuesHaveTheirOwnThenTheyShareTheOverflow() {
        List<String> made = new ArrayList<>();
        BoundedSeries<String> series = new BoundedSeries<>(3, "_other", label -> {
            made.add(label);
            return "meters of " + label;
        });
        assertEquals("meters of a", series.of("a"));
        assertEquals("meters of b", series.of("b"));
        assertEquals("meters of c", series.of("c")); // the third: at the limit, still its own
        assertEquals("meters of _other", series.of("d")); // past it
        assertEquals("meters of _other", series.of("e"));
        assertEquals("meters of a", series.of("a")); // the first ones keep theirs
        assertEquals(3, series.size());
        assertEquals(List.of("_other", "a", "b", "c"), made); // each made once, none for d or e
    }

    @Test
    void zeroPutsEveryValueUnderTheOverflow() {
        BoundedSeries<String> series = new BoundedSeries<>(0, "_other", label -> label);
        assertEquals("_other", series.of("a"));
        assertEquals(0, series.size());
    }

    @Test
    void negativeMaxIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedSeries<>(-1, "_other", label -> label));
    }

    @Test
    void manyThreadsNeverMakeMoreThanMax() throws InterruptedException {
        int max = 10;
        BoundedSeries<Object> series = new BoundedSeries<>(max, "_other", label -> new Object());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 1_000; i++) {
                    series.of("v" + (i * 8 + thread));
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertEquals(true, pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(max, series.size());
        Object first = series.of("v0");
        assertSame(first, series.of("v0"));
    }
}
