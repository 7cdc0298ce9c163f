package io.hookline.ejb.stats;

import java.util.List;

/**
 * What System Console → Site statistics shows for one window: posts per bucket (all, and those hooks made),
 * refused hook requests per bucket by error id (the most frequent ids, the rest as "other"), and the busiest and
 * most failing hooks. Refusals and failing hooks come from the delivery log, which keeps each hook's newest
 * {@code ServiceSettings.HookDeliveryLogSize} requests; posts come from the posts themselves.
 */
public record SiteStats(
        StatsWindow window,
        TimeBuckets buckets,
        Series posts,
        Series hookPosts,
        List<Series> refusals,
        List<HookActivity> busiestHooks,
        List<HookActivity> failingHooks) {

    public SiteStats {
        refusals = List.copyOf(refusals);
        busiestHooks = List.copyOf(busiestHooks);
        failingHooks = List.copyOf(failingHooks);
    }

    /** Refused requests in the window, all error ids together. */
    public long refusalTotal() {
        return refusals.stream().mapToLong(Series::total).sum();
    }
}
