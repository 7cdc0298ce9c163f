package io.hookline.web.hooks;

import io.hookline.api.view.PostView;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * A post as the hook URL answers it ({@code GET}/{@code PATCH /hooks/{id}/posts/{post_id}}): Mattermost's post
 * field names, only those a sender may use (no user id, no delete time: a hook sees only its own live posts).
 * The one place that shapes a post for a hook's sender, so every hook answer carrying a post agrees.
 */
final class PostJson {

    /** Looked up once: {@code Json.create…} asks the ServiceLoader for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private PostJson() {}

    static JsonObject of(PostView post) {
        return builder(post).build();
    }

    static JsonObjectBuilder builder(PostView post) {
        return JSON.createObjectBuilder()
                .add("id", post.id())
                .add("create_at", post.createAt())
                .add("update_at", post.updateAt())
                .add("edit_at", post.editAt())
                .add("channel_id", post.channelId())
                .add("root_id", post.rootId())
                .add("message", post.message())
                .add("props", post.props());
    }
}
