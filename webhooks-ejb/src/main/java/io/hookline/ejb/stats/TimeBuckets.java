package io.hookline.ejb.stats;

/**
 * Consecutive buckets of {@code width} milliseconds from {@code start}, aligned to multiples of the width since the
 * epoch (a minute bucket starts at a whole minute, UTC), so SQL can name a row's bucket as {@code create_at / width}.
 */
public record TimeBuckets(long start, long width, int count) {

    public TimeBuckets {
        if (width <= 0 || count <= 0 || start % width != 0) {
            throw new IllegalArgumentException("buckets of " + width + " ms from " + start + ", " + count);
        }
    }

    /** {@code count} buckets, the last of which holds {@code now}. */
    static TimeBuckets ending(long now, long width, int count) {
        long current = Math.floorDiv(now, width) * width;
        return new TimeBuckets(current - (count - 1) * width, width, count);
    }

    /** Where the buckets end (exclusive). */
    public long end() {
        return start + count * width;
    }

    /** The start of bucket {@code index}. */
    public long startOf(int index) {
        return start + index * width;
    }

    /** The index of the bucket SQL named {@code create_at / width}; -1 when outside. */
    int indexOfKey(long key) {
        long index = key - start / width;
        return index < 0 || index >= count ? -1 : (int) index;
    }
}
