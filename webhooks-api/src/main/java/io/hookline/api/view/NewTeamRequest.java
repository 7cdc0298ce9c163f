package io.hookline.api.view;

/** Body of {@code POST /api/v4/teams}. */
public record NewTeamRequest(String name, String displayName, String type, String description) {}
