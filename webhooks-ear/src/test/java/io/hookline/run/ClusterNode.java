package io.hookline.run;

import java.util.List;

/**
 * One of the two Payara domains of {@code mvn -Prun-cluster} and {@code mvn verify -Pcluster}: node A keeps every
 * port of a stock domain moved by the port offset (HTTP 8080, admin 4848, data grid 4900), node B every port one
 * above A's (HTTP 8081, admin 4849, data grid 4901, ...), so the two never collide and {@code -Dport.offset} moves
 * both.
 */
record ClusterNode(String letter, String domain, int portOffset) {

    static List<ClusterNode> pair(int offset) {
        return List.of(new ClusterNode("a", "hookline-a", offset), new ClusterNode("b", "hookline-b", offset + 1));
    }

    int httpPort() {
        return PayaraPorts.HTTP + portOffset;
    }

    int adminPort() {
        return PayaraPorts.ADMIN + portOffset;
    }

    int gridPort() {
        return PayaraPorts.GRID + portOffset;
    }

    /** Where Hookline answers on this node, with a trailing slash. */
    String url() {
        return "http://localhost:" + httpPort() + "/";
    }

    List<Integer> ports() {
        return PayaraPorts.ports(portOffset);
    }
}
