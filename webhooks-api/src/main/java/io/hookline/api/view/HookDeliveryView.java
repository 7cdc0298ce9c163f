package io.hookline.api.view;

import java.util.List;

/**
 * One answer of {@code POST /hooks/{id}} in the hook's delivery log (beyond Mattermost). {@code createAt} is
 * when the answer was sent (epoch ms); {@code errorId} is the error body's id, empty for {@code ok};
 * {@code size} the request body in bytes (as read, or its Content-Length when it was not read whole);
 * {@code channelId} and {@code postIds} where an {@code ok} request's message went (empty otherwise);
 * {@code postCount} how many posts it became, as {@code postIds} lists only the first 100.
 * {@code viaPreviousId} is {@code true} when the request used the hook's previous URL during a rotation's grace
 * period, and absent (null) otherwise.
 */
public record HookDeliveryView(
        long createAt,
        int statusCode,
        String errorId,
        String remoteAddress,
        long size,
        long durationMs,
        String channelId,
        List<String> postIds,
        int postCount,
        Boolean viaPreviousId) {

    /** A delivery through the hook's own URL. */
    public HookDeliveryView(
            long createAt,
            int statusCode,
            String errorId,
            String remoteAddress,
            long size,
            long durationMs,
            String channelId,
            List<String> postIds,
            int postCount) {
        this(createAt, statusCode, errorId, remoteAddress, size, durationMs, channelId, postIds, postCount, null);
    }
}
