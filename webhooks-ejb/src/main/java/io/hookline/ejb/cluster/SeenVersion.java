package io.hookline.ejb.cluster;

/**
 * What the last reads of the shared change count said, and what a new read means: the one rule of
 * {@link ClusterChanges}, kept apart so it can be tested without a database. Used by one polling thread.
 */
final class SeenVersion {

    /** What a successful read means for this server's caches. */
    enum Outcome {
        /** Nothing committed anywhere since the last read: keep the caches. */
        UNCHANGED,
        /** Another change was committed: drop the caches, reload the settings. */
        CHANGED,
        /** The first read after failed ones: changes may have been missed, reload whatever the count says. */
        RECOVERED
    }

    /**
     * While reads fail, at most one attempt per this many milliseconds: each failed attempt costs a connection
     * attempt and three pool warnings in the server log, ten times a second at the default poll. The caches are
     * dropped at every poll all the same (ClusterChanges), so nothing stale is served in between.
     */
    static final long RETRY_MILLIS = 1_000;

    private long version = -1;
    private boolean failing;
    private long failedAt;

    Outcome accept(long read) {
        if (failing) {
            failing = false;
            version = read;
            return Outcome.RECOVERED;
        }
        long before = version;
        version = read;
        return before == read || before == -1 ? Outcome.UNCHANGED : Outcome.CHANGED;
    }

    /** Whether to read now: always while reads succeed, once per {@link #RETRY_MILLIS} while they fail. */
    boolean readDue(long nowMillis) {
        return !failing || nowMillis - failedAt >= RETRY_MILLIS;
    }

    /** A read failed; true when it is the first of a run of failures (the moment to say so in the log). */
    boolean lost(long nowMillis) {
        boolean first = !failing;
        failing = true;
        failedAt = nowMillis;
        return first;
    }
}
