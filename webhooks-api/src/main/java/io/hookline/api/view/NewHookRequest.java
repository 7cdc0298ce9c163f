package io.hookline.api.view;

/** Body of {@code POST /api/v4/hooks/incoming}. */
public record NewHookRequest(String channelId, String displayName, String description, Boolean channelLocked,
                             String username, String iconUrl) {
}
