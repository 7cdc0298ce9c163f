package io.hookline.api.view;

/** Body of {@code POST /api/v4/channels}. */
public record NewChannelRequest(
        String teamId, String name, String displayName, String type, String purpose, String header) {}
