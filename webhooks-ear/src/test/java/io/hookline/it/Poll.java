package io.hookline.it;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Reads something the server writes in the background until it is there: one polling loop for the ITs. */
public final class Poll {

    private static final long INTERVAL_MILLIS = 50;

    private Poll() {}

    /**
     * Reads every {@value #INTERVAL_MILLIS} ms until {@code done} holds, for at most {@code within}, and answers
     * the last reading; fails with {@code failure} of the last reading when it never held.
     */
    public static <T> T until(Duration within, Supplier<T> read, Predicate<T> done, Function<T, String> failure) {
        long deadline = System.nanoTime() + within.toNanos();
        T last;
        do {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError(failure.apply(last));
    }
}
