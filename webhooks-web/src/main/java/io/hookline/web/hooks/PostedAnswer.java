package io.hookline.web.hooks;

import io.hookline.ejb.hook.HookDestination;
import io.hookline.ejb.post.NewPost;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * The {@code ?wait=true} answer (issue 18, Discord's model): the first post as stored,
 * {@code {"id","create_at","channel_id","message","props","ts","post_ids"}}, with every post's id in order when
 * the text was split. Its {@code ts} is what a later {@code thread_ts} may name.
 */
final class PostedAnswer {

    private static final JsonProvider JSON = JsonProvider.provider();

    private PostedAnswer() {}

    static String of(HookDestination posted) {
        NewPost first = posted.posts().get(0);
        JsonArrayBuilder ids = JSON.createArrayBuilder();
        posted.postIds().forEach(ids::add);
        return JSON.createObjectBuilder()
                .add("id", first.id())
                .add("create_at", first.createAt())
                .add("channel_id", first.channelId())
                .add("message", first.message())
                .add("props", props(first))
                .add("ts", first.ts())
                .add("post_ids", ids)
                .build()
                .toString();
    }

    /** A stored post's props, a JSON object (PostProps wrote it). */
    static JsonObject props(NewPost post) {
        try (var reader = JSON.createReader(new StringReader(post.props()))) {
            return reader.readObject();
        }
    }
}
