package io.hookline.ejb.delivery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A warning logged at most once per interval however often its cause repeats, so a flood or an outage
 * cannot flood the server log as well. Each warning says how many times the cause repeated since the last.
 */
final class ThrottledWarning {

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong lastLogged;
    private final AtomicLong unreported = new AtomicLong();

    ThrottledWarning(Logger log, Duration interval, LongSupplier nanoClock) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.lastLogged = new AtomicLong(nanoClock.getAsLong() - intervalNanos);
    }

    /**
     * Counts one occurrence of {@code count} lost items and logs, when the interval has passed, the message
     * with the total lost since the last warning. True when it logged.
     */
    boolean occurred(long count, Supplier<String> message, Throwable cause) {
        unreported.addAndGet(count);
        long now = nanoClock.getAsLong();
        long last = lastLogged.get();
        if (now - last < intervalNanos || !lastLogged.compareAndSet(last, now)) {
            return false;
        }
        long lost = unreported.getAndSet(0);
        String text = message.get() + " (" + lost + " lost since the last warning)";
        if (cause == null) {
            log.warning(text);
        } else {
            log.log(Level.WARNING, text, cause);
        }
        return true;
    }
}
