package io.hookline.ejb.post;

import io.hookline.ejb.common.Ids;

/**
 * A post about to be stored by {@link PostWriter}: the row of {@code posts}, id generated here (no sequence),
 * with its Slack-shaped {@code ts} ({@link PostTimestamps}). {@code hookId} is the hook that creates it (the only
 * one that may edit or delete it later), or null.
 */
public record NewPost(
        String id,
        String channelId,
        String userId,
        String rootId,
        String message,
        String type,
        String props,
        long createAt,
        String hookId,
        String ts) {

    public static NewPost of(
            String channelId,
            String userId,
            String rootId,
            String message,
            String type,
            String props,
            long createAt,
            String hookId) {
        return new NewPost(
                Ids.newId(),
                channelId,
                userId,
                rootId,
                message,
                type,
                props,
                createAt,
                hookId,
                PostTimestamps.next(createAt));
    }

    /** The same post with a fresh {@code ts}: another server took this one first (see PostWriter). */
    NewPost withFreshTs() {
        return new NewPost(
                id, channelId, userId, rootId, message, type, props, createAt, hookId, PostTimestamps.next(createAt));
    }
}
