package io.hookline.ejb.post;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Slack-shaped post timestamps, {@code "<seconds>.<6 digits>"} (issue 18: what {@code ?wait=true} returns and
 * {@code thread_ts} may name), one per post, unique across every server writing to the database.
 * <p>
 * Why this is unique on two nodes without a database round trip per post:
 * <ul>
 * <li>On one server, values come from one strictly increasing counter of microseconds: each post takes
 * {@code max(its create_at in µs + a random 0..999 µs, the last value + 1)}, so no two posts of this JVM ever
 * share a value, however many arrive in one millisecond (beyond a million a second the seconds part runs
 * ahead of the clock rather than repeat).</li>
 * <li>Between servers nothing is coordinated up front; the unique index {@code ux_posts_ts} (V11) is the
 * arbiter. Two servers pick the same value only when they post in the same millisecond and draw the same
 * random microsecond (about one in a thousand of such pairs); the loser's insert fails on that index and
 * {@link PostWriter} stores the request again with fresh values, at most {@link PostWriter#MAX_TS_ATTEMPTS}
 * times. Nothing is ever stored with a duplicate, and the retry costs only the colliding request.</li>
 * </ul>
 * A database sequence would avoid the retry, but costs a round trip per post (or SQL that differs between H2
 * and PostgreSQL) on the hot path the group commit was built to keep cheap.
 */
public final class PostTimestamps {

    /** What a {@code ts} looks like: whole seconds, a dot, exactly six digits. */
    private static final Pattern SHAPE = Pattern.compile("[0-9]{1,12}\\.[0-9]{6}");
    /** Longest {@code ts} accepted in a payload (and the column's width, V11). */
    public static final int MAX_LENGTH = 24;

    private static final AtomicLong LAST_MICROS = new AtomicLong();

    private PostTimestamps() {}

    /** A fresh timestamp for a post created at {@code createAtMillis}, never returned before by this server. */
    public static String next(long createAtMillis) {
        long candidate = createAtMillis * 1_000 + ThreadLocalRandom.current().nextInt(1_000);
        long micros = LAST_MICROS.accumulateAndGet(candidate, (last, wanted) -> Math.max(last + 1, wanted));
        return format(micros);
    }

    static String format(long micros) {
        String fraction = Long.toString(micros % 1_000_000);
        return micros / 1_000_000 + "." + "000000".substring(fraction.length()) + fraction;
    }

    /** Whether {@code value} has a ts's shape (so a {@code thread_ts} is looked up as one, not as a post id). */
    public static boolean isTs(String value) {
        return value != null
                && value.length() <= MAX_LENGTH
                && SHAPE.matcher(value).matches();
    }
}
