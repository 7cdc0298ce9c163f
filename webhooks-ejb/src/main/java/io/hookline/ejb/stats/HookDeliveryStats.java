package io.hookline.ejb.stats;

/** A hook's delivery log over a window: requests answered ok, and those answered with an error, per bucket. */
public record HookDeliveryStats(TimeBuckets buckets, Series ok, Series errors) {}
