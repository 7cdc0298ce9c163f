package io.hookline.api.view;

import java.util.List;

/**
 * A hook's previous URL during a rotation's grace period (beyond Mattermost, issue 18): when it stops working
 * ({@code expiresAt}, epoch ms), when it became previous ({@code rotatedAt}), and who still sends to it, from
 * the delivery log: each remote address with its latest request through the old URL and how many it made,
 * latest first, at most a fixed number of addresses.
 */
public record PreviousUrlView(long expiresAt, long rotatedAt, List<Sender> senders) {

    public record Sender(String remoteAddress, long lastAt, long requests) {}
}
