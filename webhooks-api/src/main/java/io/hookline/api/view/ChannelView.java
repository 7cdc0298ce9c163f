package io.hookline.api.view;

/** A channel as Mattermost's API shows one; {@code type} is O (public), P (private group) or D (direct). */
public record ChannelView(
        String id,
        long createAt,
        long updateAt,
        long deleteAt,
        String teamId,
        String type,
        String displayName,
        String name,
        String header,
        String purpose,
        String creatorId) {}
