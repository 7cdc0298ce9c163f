package io.hookline.ejb.stats;

/**
 * The two spans the statistics cover, each cut into a fixed number of buckets, so a chart has as many points (and
 * a query as many rows per series) as its window has buckets, however busy the server was.
 */
public enum StatsWindow {
    /** The last hour, per minute: 60 buckets. */
    HOUR(60_000L, 60),
    /** The last day, per 30 minutes: 48 buckets. */
    DAY(1_800_000L, 48);

    private final long bucketMillis;
    private final int buckets;

    StatsWindow(long bucketMillis, int buckets) {
        this.bucketMillis = bucketMillis;
        this.buckets = buckets;
    }

    public long bucketMillis() {
        return bucketMillis;
    }

    public int buckets() {
        return buckets;
    }

    /** The window's buckets up to {@code now}: the last one is the bucket now falls in, still filling. */
    public TimeBuckets endingAt(long now) {
        return TimeBuckets.ending(now, bucketMillis, buckets);
    }

    /** A window named as in a console link ({@code hour}, {@code day}); the hour for anything else. */
    public static StatsWindow named(String name) {
        return "day".equalsIgnoreCase(name == null ? "" : name.trim()) ? DAY : HOUR;
    }
}
