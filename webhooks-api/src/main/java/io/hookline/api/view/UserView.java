package io.hookline.api.view;

/** A user as Mattermost's API shows one (no password, ever). */
public record UserView(
        String id,
        long createAt,
        long updateAt,
        long deleteAt,
        String username,
        String email,
        String nickname,
        String firstName,
        String lastName,
        String roles) {}
