package io.hookline.api.view;

/** Body of {@code POST /api/v4/hooks/incoming} and {@code PUT /api/v4/hooks/incoming/{id}} (where {@code id} may repeat the path). */
public record NewHookRequest(
        String id,
        String channelId,
        String displayName,
        String description,
        Boolean channelLocked,
        String username,
        String iconUrl) {}
