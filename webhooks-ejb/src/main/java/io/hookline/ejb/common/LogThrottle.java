package io.hookline.ejb.common;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lets one log line through per interval, however often its cause repeats: a failure that every request
 * meets (a database outage, a full queue, a failed cache) is logged, not flooded. The first occurrence is
 * always logged; later ones once the interval has passed since the last line. It counts what it held back,
 * so a line can say how much happened in between. Thread-safe and lock-free; one instance per kind of line.
 */
public final class LogThrottle {

    /** How often a repeated warning is logged unless its owner has a reason for another interval. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    /** What {@link #pass(long)} answers when the line must not be logged now. */
    public static final long HELD_BACK = -1;

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong lastPassed;
    private final AtomicLong counted = new AtomicLong();

    /** A throttle on {@link System#nanoTime()}: wall-clock jumps neither open nor close it. */
    public LogThrottle(Duration interval) {
        this(interval, System::nanoTime);
    }

    /** A throttle on the given clock (in nanoseconds, as {@link System#nanoTime()}); for tests. */
    public LogThrottle(Duration interval, LongSupplier nanoClock) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a log throttle needs a positive interval, not " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.lastPassed = new AtomicLong(nanoClock.getAsLong() - intervalNanos);
    }

    /**
     * Counts {@code events} occurrences. When a line may be logged now (first caller at or after the interval
     * since the last line), the events counted since the last line, these included; else {@link #HELD_BACK}.
     */
    public long pass(long events) {
        counted.addAndGet(events);
        long now = nanoClock.getAsLong();
        long last = lastPassed.get();
        if (now - last < intervalNanos || !lastPassed.compareAndSet(last, now)) {
            return HELD_BACK;
        }
        return counted.getAndSet(0);
    }

    /** Counts one occurrence; true when a line may be logged now. */
    public boolean pass() {
        return pass(1) != HELD_BACK;
    }

    /**
     * Counts {@code lost} lost items and, when a line may be logged now, warns with the message and the total
     * lost since the last warning. True when it logged.
     */
    public boolean warnLost(Logger log, long lost, Supplier<String> message, Throwable cause) {
        long sinceLast = pass(lost);
        if (sinceLast == HELD_BACK) {
            return false;
        }
        String text = message.get() + " (" + sinceLast + " lost since the last warning)";
        if (cause == null) {
            log.warning(text);
        } else {
            log.log(Level.WARNING, text, cause);
        }
        return true;
    }
}
