package io.hookline.ejb.channel;

/** What channel resolution needs to know of a hook: its own channel and team, its creator, its lock. */
public record HookRoute(String hookChannelId, String teamId, String creatorId, boolean channelLocked) {}
