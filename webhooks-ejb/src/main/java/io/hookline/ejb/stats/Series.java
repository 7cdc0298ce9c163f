package io.hookline.ejb.stats;

import java.util.Arrays;
import java.util.List;

/** One line of a chart: a name and a count per bucket, as many counts as the window has buckets. */
public record Series(String name, List<Long> counts) {

    public Series {
        counts = List.copyOf(counts);
    }

    static Series of(String name, long[] counts) {
        return new Series(name, Arrays.stream(counts).boxed().toList());
    }

    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
