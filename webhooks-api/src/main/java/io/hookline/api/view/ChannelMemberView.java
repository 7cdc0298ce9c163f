package io.hookline.api.view;

/** A channel membership as Mattermost's API shows one. */
public record ChannelMemberView(String channelId, String userId, String roles, long lastUpdateAt) {}
