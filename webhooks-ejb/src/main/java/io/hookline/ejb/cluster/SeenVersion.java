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

    private long version = -1;
    private boolean failing;

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

    /** A read failed; true when it is the first of a run of failures (the moment to say so in the log). */
    boolean lost() {
        boolean first = !failing;
        failing = true;
        return first;
    }
}
