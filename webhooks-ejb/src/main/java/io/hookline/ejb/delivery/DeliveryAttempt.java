package io.hookline.ejb.delivery;

import java.util.List;

/**
 * One answer of {@code POST /hooks/{id}} as the web tier saw it, on its way to the delivery log. Immutable
 * and already cut to the log's column sizes, so a hostile request can neither make the writer fail nor
 * make the queue hold more than a few hundred bytes for it.
 *
 * @param createAt when the answer was sent, epoch ms
 * @param errorId the error body's id; empty for {@code ok}
 * @param size the request body in bytes: as read, or its Content-Length when it was not read whole
 * @param channelId where an {@code ok} request's posts went; empty otherwise
 * @param postIds the first {@link #MAX_POST_IDS} of its posts, in order
 * @param postCount how many posts it became
 */
public record DeliveryAttempt(
        String hookId,
        long createAt,
        int statusCode,
        String errorId,
        String remoteAddress,
        long size,
        long durationMs,
        String channelId,
        List<String> postIds,
        int postCount) {

    /** Longest error id kept (the column's width); ours are far shorter. */
    public static final int MAX_ERROR_ID_LENGTH = 128;
    /** Longest remote address kept (the column's width): an IPv6 address with a zone fits. */
    public static final int MAX_REMOTE_ADDRESS_LENGTH = 64;
    /**
     * Post ids kept per delivery: a message split into more posts (a tiny MaxPostSize and a huge body) keeps
     * the first ones and the count, so one row stays under 3 kB.
     */
    public static final int MAX_POST_IDS = 100;

    /** The compact constructor keeps every value inside the log's columns. */
    public DeliveryAttempt {
        errorId = cut(errorId, MAX_ERROR_ID_LENGTH);
        remoteAddress = cut(remoteAddress, MAX_REMOTE_ADDRESS_LENGTH);
        channelId = channelId == null ? "" : channelId;
        postIds = postIds == null
                ? List.of()
                : List.copyOf(postIds.size() > MAX_POST_IDS ? postIds.subList(0, MAX_POST_IDS) : postIds);
        postCount = Math.max(postCount, postIds.size());
        size = Math.max(0, size);
        durationMs = Math.max(0, durationMs);
    }

    /** An answer that posted nothing. */
    public static DeliveryAttempt refused(
            String hookId,
            long createAt,
            int statusCode,
            String errorId,
            String remoteAddress,
            long size,
            long durationMs) {
        return new DeliveryAttempt(
                hookId, createAt, statusCode, errorId, remoteAddress, size, durationMs, "", List.of(), 0);
    }

    /** The post ids as the log's column holds them: comma-separated. */
    String postIdsColumn() {
        return String.join(",", postIds);
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return "";
        }
        return value.length() <= max ? value : value.substring(0, max);
    }
}
