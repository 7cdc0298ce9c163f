package io.hookline.ejb.lookup;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One number for "what hook routing reads has changed": hooks, channels, channel and team members,
 * users. Every {@link LookupCache} entry remembers the version it was loaded under and is used only
 * while the version is unchanged, so any edit (console, API, setup) makes every cached look-up be
 * read again. Edits are rare next to hook posts; one counter keeps the invalidation obviously complete.
 * Static on purpose: entity listeners are created by the JPA provider, and one application has one.
 */
public final class LookupVersion {

    private static final AtomicLong VERSION = new AtomicLong();

    private LookupVersion() {}

    public static long current() {
        return VERSION.get();
    }

    /** Something routing reads was written (or is about to be committed): drop every cached look-up. */
    public static void changed() {
        VERSION.incrementAndGet();
    }
}
