package io.hookline.api.view;

/** Body of {@code POST /api/v4/users/login}. */
public record LoginRequest(String loginId, String password) {}
