package io.hookline.ejb.post;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * What {@link PostWriter} reports to {@code GET /metrics}: made once, then recorded per commit (a batch) and per
 * stored request, never looked up by name. Bucket bounds are fixed, so every scrape has the same series.
 */
final class PostWriterMeters {

    /** Requests per commit: up to {@link PostWriter#MAX_BATCH}. */
    static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, PostWriter.MAX_BATCH};
    /** Posts one request became (split parts): 1 for most, up to MaxPostsPerRequest. */
    static final double[] PARTS_BUCKETS = {1, 2, 3, 5, 10, 20, 50, 100};
    /** One commit, from taking a connection to its commit; the last bound is the longest a request waits. */
    static final Duration[] COMMIT_BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(PostWriter.COMMIT_WAIT_MILLIS)
    };

    private final MeterRegistry registry;
    private final Counter postsStored;
    private final DistributionSummary parts;
    private final DistributionSummary batch;
    private final Timer commit;
    private final Counter commitFailures;
    private final Counter queueFull;

    PostWriterMeters(MeterRegistry registry, Collection<?> queue) {
        this.registry = registry;
        postsStored = Counter.builder("hookline.posts.stored")
                .description("Posts committed by hook requests")
                .register(registry);
        parts = DistributionSummary.builder("hookline.post.parts")
                .description("Posts one stored hook request became (more than 1: the message was split)")
                .serviceLevelObjectives(PARTS_BUCKETS)
                .register(registry);
        batch = DistributionSummary.builder("hookline.post.writer.batch.requests")
                .description("Hook requests stored in one group commit")
                .serviceLevelObjectives(BATCH_BUCKETS)
                .register(registry);
        commit = Timer.builder("hookline.post.writer.commit")
                .description("One group commit: connection, inserts and commit")
                .serviceLevelObjectives(COMMIT_BUCKETS)
                .register(registry);
        commitFailures = Counter.builder("hookline.post.writer.commit.failures")
                .description("Group commits that failed (their requests were retried alone or refused)")
                .register(registry);
        queueFull = Counter.builder("hookline.post.writer.queue.full")
                .description("Hook requests refused at once (503) because the writer's queue was full")
                .register(registry);
        Gauge.builder("hookline.post.writer.queue", queue, Collection::size)
                .description("Hook requests waiting for a post writer")
                .register(registry);
    }

    /** A commit of {@code requests} requests that took {@code nanos} (failed or not). */
    void commit(int requests, long nanos, boolean committed) {
        batch.record(requests);
        commit.record(nanos, TimeUnit.NANOSECONDS);
        if (!committed) {
            commitFailures.increment();
        }
    }

    /** One request's posts are committed. */
    void stored(int posts) {
        postsStored.increment(posts);
        parts.record(posts);
    }

    /** Where the meters are, for tests. */
    MeterRegistry registry() {
        return registry;
    }

    void queueFull() {
        queueFull.increment();
    }
}
