package io.hookline.api.view;

/** A team as Mattermost's API shows one. */
public record TeamView(
        String id,
        long createAt,
        long updateAt,
        long deleteAt,
        String displayName,
        String name,
        String description,
        String type) {}
