package io.hookline.web.console.charts;

import io.hookline.ejb.stats.TimeBuckets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.IntStream;

/** Names of time buckets, in UTC as every time in the console: short on a chart's axis, whole in a table. */
public final class BucketLabels {

    private static final DateTimeFormatter AXIS =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private BucketLabels() {}

    /** One {@code HH:mm} per bucket, the time it starts. */
    public static List<String> axis(TimeBuckets buckets) {
        return IntStream.range(0, buckets.count())
                .mapToObj(i -> AXIS.format(Instant.ofEpochMilli(buckets.startOf(i))))
                .toList();
    }

    /** When bucket {@code index} starts, {@code yyyy-MM-dd HH:mm}. */
    public static String table(TimeBuckets buckets, int index) {
        return TABLE.format(Instant.ofEpochMilli(buckets.startOf(index)));
    }
}
