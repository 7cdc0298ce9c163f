package io.hookline.api.view;

/** A team membership as Mattermost's API shows one. */
public record TeamMemberView(String teamId, String userId, String roles, long deleteAt) {}
