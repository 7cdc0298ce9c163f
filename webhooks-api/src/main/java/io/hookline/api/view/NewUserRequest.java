package io.hookline.api.view;

/** Body of {@code POST /api/v4/users}. */
public record NewUserRequest(
        String username, String email, String password, String nickname, String firstName, String lastName) {}
