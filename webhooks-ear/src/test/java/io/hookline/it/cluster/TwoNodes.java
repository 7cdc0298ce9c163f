package io.hookline.it.cluster;

import io.hookline.it.HooklineClient;
import java.time.Duration;

/** What the cluster tests share beyond {@link ClusterNodes}: the bound they check, and clients of one node. */
final class TwoNodes {

    /** What issue 17 promises: a change committed on one node is in force on the other within a second. */
    static final Duration COHERENCE_BOUND = Duration.ofSeconds(1);

    private TwoNodes() {}

    static String a() {
        return ClusterNodes.Node.A.url();
    }

    static String b() {
        return ClusterNodes.Node.B.url();
    }

    static HooklineClient adminOn(String node) {
        return new HooklineClient(node).loginAsAdmin();
    }

    static HooklineClient anonymousOn(String node) {
        return new HooklineClient(node);
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
