package io.hookline.web.hooks;

import io.hookline.ejb.hook.HookDestination;
import io.hookline.ejb.post.NewPost;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * The {@code ?dry_run=true} answer: {@code {"dry_run":true,"channel_id",..,"posts":[{"message","props","type",
 * "root_id"},..]}}, the posts the request would have stored, in order. No ids, times or {@code ts}: nothing was
 * stored, so there is nothing they could name.
 * <p>
 * The delivery log records a dry run like any answer (time, status, sender, size), never with posts: it is a
 * request the hook's owner may want to see, and it spent the rate limit like a real one.
 */
final class DryRunAnswer {

    private static final JsonProvider JSON = JsonProvider.provider();

    private DryRunAnswer() {}

    static String of(HookDestination planned) {
        JsonArrayBuilder posts = JSON.createArrayBuilder();
        for (NewPost post : planned.posts()) {
            posts.add(JSON.createObjectBuilder()
                    .add("message", post.message())
                    .add("props", PostedAnswer.props(post))
                    .add("type", post.type())
                    .add("root_id", post.rootId()));
        }
        return JSON.createObjectBuilder()
                .add("dry_run", true)
                .add("channel_id", planned.channelId())
                .add("posts", posts)
                .build()
                .toString();
    }
}
