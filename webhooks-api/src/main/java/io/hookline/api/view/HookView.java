package io.hookline.api.view;

/**
 * An incoming webhook as Mattermost's API shows one; {@code id} is the secret in the hook URL.
 * {@code lastUsedAt} (beyond Mattermost) is when it last posted, to the minute; 0 when never.
 */
public record HookView(String id, long createAt, long updateAt, long deleteAt, String userId, String channelId,
                       String teamId, String displayName, String description, String username, String iconUrl,
                       boolean channelLocked, long lastUsedAt) {
}
