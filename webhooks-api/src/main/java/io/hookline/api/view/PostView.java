package io.hookline.api.view;

import jakarta.json.JsonObject;

/** A post as Mattermost's API shows one; {@code props} is free-form JSON (from_webhook, overrides, attachments). */
public record PostView(
        String id,
        long createAt,
        long updateAt,
        long editAt,
        long deleteAt,
        String userId,
        String channelId,
        String rootId,
        String message,
        String type,
        JsonObject props) {}
