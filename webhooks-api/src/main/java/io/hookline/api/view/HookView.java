package io.hookline.api.view;

/**
 * An incoming webhook as Mattermost's API shows one; {@code id} is the secret in the hook URL.
 * {@code lastUsedAt} (beyond Mattermost) is when it last posted, to the minute; 0 when never.
 * {@code previousIdExpiresAt} (beyond Mattermost, issue 18) is present only while the id the hook had before
 * its last rotation still posts to it: when that stops, epoch ms. Absent (null) otherwise, so a hook that was
 * never rotated reads exactly as before.
 */
public record HookView(
        String id,
        long createAt,
        long updateAt,
        long deleteAt,
        String userId,
        String channelId,
        String teamId,
        String displayName,
        String description,
        String username,
        String iconUrl,
        boolean channelLocked,
        long lastUsedAt,
        Long previousIdExpiresAt) {

    /** A hook without a previous id in its grace period. */
    public HookView(
            String id,
            long createAt,
            long updateAt,
            long deleteAt,
            String userId,
            String channelId,
            String teamId,
            String displayName,
            String description,
            String username,
            String iconUrl,
            boolean channelLocked,
            long lastUsedAt) {
        this(
                id,
                createAt,
                updateAt,
                deleteAt,
                userId,
                channelId,
                teamId,
                displayName,
                description,
                username,
                iconUrl,
                channelLocked,
                lastUsedAt,
                null);
    }
}
