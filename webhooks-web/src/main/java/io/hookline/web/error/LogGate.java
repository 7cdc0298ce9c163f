package io.hookline.web.error;

import java.util.concurrent.atomic.AtomicLong;

/** Lets one log line through per interval: a failure repeated by every request is logged, not flooded. */
final class LogGate {

    private final long intervalMillis;
    private final AtomicLong lastOpened = new AtomicLong(Long.MIN_VALUE / 2);

    LogGate(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /** True for the first caller at or after {@code intervalMillis} since the last one that got true. */
    boolean open(long nowMillis) {
        long last = lastOpened.get();
        return nowMillis - last >= intervalMillis && lastOpened.compareAndSet(last, nowMillis);
    }
}
